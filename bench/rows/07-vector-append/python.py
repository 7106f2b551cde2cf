n = 100000
v = []
for i in range(n):
    v.append(i * 0.5)
print(sum(v))
