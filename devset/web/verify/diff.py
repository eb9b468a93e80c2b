#!/usr/bin/env python3
import sys, difflib, os
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
for w in sys.argv[1:]:
    a = open(os.path.join(HERE, w + '.txt'), encoding='utf-8').read()
    b = open(os.path.join(HERE, 'verify', w + '.txt'), encoding='utf-8').read()
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    print(f'== {w}: orig {len(a)} chars, tool {len(b)} chars')
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == 'equal': continue
        print(f'  {tag} orig[{i1}:{i2}]={a[i1:i2]!r} tool[{j1}:{j2}]={b[j1:j2]!r}')
        print(f'    orig ctx: {a[max(0,i1-30):i2+30]!r}')
        print(f'    tool ctx: {b[max(0,j1-30):j2+30]!r}')
