local v = {}
for i = 1, 1000000 do v[i] = (i - 1) * 0.5 end
local s = 0.0
for i = 1, #v do s = s + v[i] end
print(s)
