import { readFileSync } from 'node:fs'
const s=JSON.parse(readFileSync('node_modules/@octokit/openapi/generated/api.github.com.json','utf8'))
const S=s.components.schemas
const res=(o)=>o?.$ref? S[o.$ref.split('/').pop()]:o
function show(name){const o=S[name]; console.log('##',name, o.type, 'addl='+JSON.stringify(o.additionalProperties)); 
 const props=o.properties||{}; 
 for(const [k,v0] of Object.entries(props)){ const v=v0; const req=(o.required||[]).includes(k)
   console.log(`  ${req?'*':' '}${k}: ${v.$ref?('$'+v.$ref.split('/').pop()):(v.type||'')+(v.nullable?'?':'')+(v.format?'('+v.format+')':'')+(v.enum?JSON.stringify(v.enum):'')+(v.allOf?'allOf'+JSON.stringify(v.allOf):'')+(v.anyOf?'anyOf'+JSON.stringify(v.anyOf).slice(0,100):'')+(v.oneOf?'oneOf'+JSON.stringify(v.oneOf).slice(0,100):'')}`)}
 if(o.allOf||o.oneOf||o.anyOf) console.log('  comb', JSON.stringify(o.allOf||o.oneOf||o.anyOf).slice(0,300))}
for(const n of process.argv.slice(2)) show(n)
