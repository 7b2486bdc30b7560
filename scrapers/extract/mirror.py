"""Strip the pinyin that converted mirror sites print after Traditional characters.

Some mirror sites run pages through a converter that appends the reading of characters it
changed: ``產(chǎn)業(yè)基地`` for 產業基地, ``發(fā)展`` for 發展, ``創(chuàng )造`` for 創造. The readings
are removed before anything else reads the text; a bracket that is not a tone-marked reading
(``(扬州)``, ``(2×E1)``, ``(ctiforum)``) stays.

>>> strip_pinyin("洛陽經(jīng)濟開發(fā)區(qū)")
'洛陽經濟開發區'
>>> strip_pinyin("江苏信息服务产业基地(扬州)")
'江苏信息服务产业基地(扬州)'
"""

from __future__ import annotations

import re

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_READING = re.compile(rf"(?<=[\u3400-\u9fff])\((?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,7}}\s?\)")


#: a character the converter could not encode, printed as ``?`` with its reading and no
#: opening bracket (``百?gòu)?qiáng)``): both go, or the ``?`` would end the sentence
_LOST = re.compile(rf"\?(?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,7}}\s?\)")


def strip_pinyin(text: str) -> str:
    """``text`` without tone-marked pinyin readings in brackets after Chinese characters."""
    return _LOST.sub("", _READING.sub("", text))
