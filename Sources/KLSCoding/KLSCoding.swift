/// Namespace placeholder for the KLSCoding module; replaced as the module grows.
public enum KLSCodingModule {}
