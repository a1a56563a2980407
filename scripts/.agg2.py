import json,sys,glob,collections
p=json.load(open(glob.glob('/tmp/cpuprof/*.cpuprofile')[0]))
w=json.load(open('/tmp/prof-window.json'))
nodes={n['id']:n for n in p['nodes']}
parent={}
for n in p['nodes']:
    for c in n.get('children',[]): parent[c]=n['id']
def key(cf): return f"{cf['functionName'] or '(anon)'} {cf['url'].split('/')[-1]}:{cf['lineNumber']}"
inc=[collections.Counter(),collections.Counter()]; tot=[0,0]
t=p['startTime']
for s,d in zip(p['samples'],p['timeDeltas']):
    t+=d
    if w['a']<=t<w['b']: k=0
    elif w['b']<=t<=w['c']: k=1
    else: continue
    tot[k]+=1; seen=set(); i=s
    while i is not None and i in nodes:
        kk=key(nodes[i]['callFrame'])
        if kk not in seen: inc[k][kk]+=1; seen.add(kk)
        i=parent.get(i)
ms=[(w['b']-w['a'])/1000/tot[0],(w['c']-w['b'])/1000/tot[1]]
print('cold ms',(w['b']-w['a'])/1000,'warm ms',(w['c']-w['b'])/1000)
rows=[(inc[0][k]*ms[0],inc[1][k]*ms[1],k) for k in inc[0]]
rows.sort(key=lambda r:-(r[0]-r[1]))
for c,wm,k in rows[:int(sys.argv[1]) if len(sys.argv)>1 else 70]: print(f"{c:7.1f} {wm:7.1f} {c-wm:7.1f}  {k}")
