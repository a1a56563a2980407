import json,sys,glob,collections
p=json.load(open(glob.glob('/tmp/cpuprof/*.cpuprofile')[0]))
w=json.load(open('/tmp/prof-window.json'))
target=sys.argv[1]
nodes={n['id']:n for n in p['nodes']}
parent={}
for n in p['nodes']:
    for c in n.get('children',[]): parent[c]=n['id']
def key(cf): return f"{cf['functionName'] or '(anon)'} {cf['url'].split('/')[-1]}:{cf['lineNumber']}"
inc=collections.Counter(); selfc=collections.Counter(); tot=0
t=p['startTime']
for s,d in zip(p['samples'],p['timeDeltas']):
    t+=d
    if not (w['a']<=t<w['b']): continue
    tot+=1
    chain=[]; i=s
    while i is not None and i in nodes:
        chain.append(key(nodes[i]['callFrame'])); i=parent.get(i)
    if not any(target in c for c in chain): continue
    # chain from leaf to root; find topmost target index
    idx=max(j for j,c in enumerate(chain) if target in c)
    sub=chain[:idx]
    selfc[chain[0]]+=1
    for c in set(sub): inc[c]+=1
ms=(w['b']-w['a'])/1000/tot
print('self:'); [print(f"{v*ms:6.1f} {k}") for k,v in selfc.most_common(15)]
print('inclusive below:'); [print(f"{v*ms:6.1f} {k}") for k,v in inc.most_common(25)]
