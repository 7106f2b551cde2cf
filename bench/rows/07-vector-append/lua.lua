local n = 100000
local v = {}
for i = 0, n - 1 do
  v[#v + 1] = i * 0.5
end
local s = 0.0
for i = 1, #v do s = s + v[i] end
print(s)
