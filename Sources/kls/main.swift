print("kls")
