/// Namespace placeholder for the KLSSpecial module; replaced as the module grows.
public enum KLSSpecialModule {}
