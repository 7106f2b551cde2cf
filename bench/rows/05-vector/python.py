v = [i * 0.5 for i in range(1000000)]
print(sum(v))
