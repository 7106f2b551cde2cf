n = 1000000
v = [0.0] * n
for i in range(n):
    v[i] = i * 0.5
s = 0.0
for x in v:
    s = s + x
print(s)
