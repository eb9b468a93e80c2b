#!/usr/bin/env python3
"""Consistency checks for devset/web: files <-> manifest, duplicates, shared URLs, raw byte equality."""
import csv, glob, json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
os.chdir(HERE)
errs = []
rows = list(csv.DictReader(open('manifest.tsv', encoding='utf-8'), delimiter='\t'))
cols = open('manifest.tsv', encoding='utf-8').readline().rstrip('\n').split('\t')
if cols != ['id', 'url', 'year', 'layout', 'shape', 'level', 'province', 'agency', 'bytes', 'chars', 'query']:
    errs.append(f'manifest columns: {cols}')
ids = [r['id'] for r in rows]
files = sorted(os.path.basename(f)[:-4] for f in glob.glob('w[0-9][0-9][0-9].txt'))
if sorted(ids) != files:
    errs.append(f'ids/files differ: only manifest {set(ids)-set(files)}, only files {set(files)-set(ids)}')
if ids != ['w%03d' % (i + 1) for i in range(len(ids))]:
    errs.append('ids not consecutive')
# texts
texts = {}
for r in rows:
    b = open(r['id'] + '.txt', 'rb').read()
    t = b.decode('utf-8')
    if str(len(b)) != r['bytes'] or str(len(t)) != r['chars']:
        errs.append(f"{r['id']}: bytes/chars mismatch")
    if t in texts:
        errs.append(f"{r['id']}: same text as {texts[t]}")
    texts.setdefault(t, r['id'])
# urls
urls = [r['url'] for r in rows]
if len(set(urls)) != len(urls):
    errs.append('duplicate urls in manifest')
shared = {json.load(open(f, encoding='utf-8'))['url'] for f in glob.glob('/work/shared/pages/labels/*.expect.json')}
for r in rows:
    if r['url'] in shared:
        errs.append(f"{r['id']}: url in /work/shared/pages")
# raw equality
trace = {r['id']: r for r in csv.DictReader(open('trace.tsv', encoding='utf-8'), delimiter='\t')}
for r in rows:
    tr = trace.get(r['id'])
    if not tr:
        errs.append(f"{r['id']}: no trace row"); continue
    ans = json.load(open(os.path.join('raw', tr['raw']), encoding='utf-8'))
    hit = [x for x in ans['results'] if x['rank'] == int(tr['rank'])]
    if len(hit) != 1 or hit[0].get('url') != r['url']:
        errs.append(f"{r['id']}: raw result not found"); continue
    if hit[0]['excerpt'].encode('utf-8') != open(r['id'] + '.txt', 'rb').read():
        errs.append(f"{r['id']}: text differs from raw excerpt")
    if ans['query'] != r['query']:
        errs.append(f"{r['id']}: query differs from raw")
print(f'{len(rows)} rows, {len(files)} files, {len(set(urls))} urls, {len(texts)} distinct texts, '
      f'{len(glob.glob("raw/q*.json"))} raw answers')
for e in errs:
    print('ERROR', e)
print('OK' if not errs else f'{len(errs)} errors')
sys.exit(1 if errs else 0)
