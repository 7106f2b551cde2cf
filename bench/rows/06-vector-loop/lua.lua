local n = 1000000
local v = {}
for i = 0, n - 1 do
  v[i + 1] = i * 0.5
end
local s = 0.0
for _, x in ipairs(v) do
  s = s + x
end
print(s)
