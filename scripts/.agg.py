import json,sys,glob,collections
p=json.load(open(glob.glob('/tmp/cpuprof/*.cpuprofile')[0]))
w=json.load(open('/tmp/prof-window.json'))
nodes={n['id']:n for n in p['nodes']}
parent={}
for n in p['nodes']:
    for c in n.get('children',[]): parent[c]=n['id']
t=p['startTime']; 
selfc=collections.Counter(); incl=collections.Counter(); files=collections.Counter()
tot=0
for s,d in zip(p['samples'],p['timeDeltas']):
    t+=d
    if not (w['a']<=t<=w['b']): continue
    tot+=1
    n=nodes[s]; cf=n['callFrame']
    key=f"{cf['functionName'] or '(anon)'} {cf['url'].split('/')[-1]}:{cf['lineNumber']}"
    selfc[key]+=1
    files[cf['url'].replace('file:///work/main/','')]+=1
    seen=set(); i=s
    while i in nodes:
        cf=nodes[i]['callFrame']; k=f"{cf['functionName'] or '(anon)'} {cf['url'].split('/')[-1]}:{cf['lineNumber']}"
        if k not in seen: incl[k]+=1; seen.add(k)
        i=parent.get(i)
        if i is None: break
us=p['timeDeltas'][1] if len(p['timeDeltas'])>1 else 200
print('samples',tot)
print('--- self by file');
for k,v in files.most_common(25): print(v,k)
print('--- self fn')
for k,v in selfc.most_common(30): print(v,k)
print('--- inclusive')
for k,v in incl.most_common(60): print(v,k)
