import json, re, sys
sys.argv=['x','261']
import os; exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'check_drafts.py'), encoding='utf-8').read().split("if sys.argv[1] ==")[0])
def load(model_path, draft_path, marker):
    mt=open(model_path,encoding='utf-8').read(); mt=mt[mt.index(marker):]
    return parse(mt)[1], parse(open(draft_path,encoding='utf-8').read())[1]
def unit(arts, l, titles=False):
    a=arts[l['article']]
    if l['clause'] is None:
        return "Điều %d. %s\n" % (l['article'], a['title']) + "\n".join(a['clauses'].values())
    return a['clauses'][l['clause']]
def frags(s):
    return [s] if s else []
for kf, marker in [('key-from-261.json',"\tĐẢNG BỘ TỈNH, THÀNH PHỐ"),('key-from-district.json',"ĐẢNG BỘ TỈNH\n")]:
    k=json.load(open('/work/compare-acceptance/'+kf,encoding='utf-8'))
    ma,da=load(k['model_file'],'/work/compare-acceptance/'+k['draft_file'],marker)
    print("==",kf, len(k['departures']))
    for d in k['departures']:
        ok=True; msgs=[]
        if d['model']:
            mu=unit(ma,d['model'])
            for f in frags(d['old']):
                if f not in mu: ok=False; msgs.append("old frag not in model unit: "+f)
        if d['draft']:
            du=unit(da,d['draft'])
            for f in frags(d['new']):
                if f not in du: ok=False; msgs.append("new frag not in draft unit: "+f)
            if d['kind'] in ('missing_in_draft',):
                for f in frags(d['old']):
                    if f in du: ok=False; msgs.append("missing text still in draft unit")
        if d['kind']=='added_in_draft' and d['model']:
            mu=unit(ma,d['model'])
            for f in frags(d['new']):
                if f.split(' ',1)[1] in mu: ok=False; msgs.append("added text present in model")
        if d['kind'] not in ('reference_broken','blank_left','missing_in_draft','added_in_draft') and d['old']==d['new']:
            ok=False; msgs.append('old==new')
        if d['kind'] in ('reference_broken','blank_left') and d['old']!=d['new']:
            ok=False; msgs.append('old!=new')
        print(d['id'], d['kind'], d['model'], d['draft'], 'OK' if ok else 'FAIL', msgs)
