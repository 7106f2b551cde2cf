/// Namespace placeholder for the KLSNumerics module; replaced as the module grows.
public enum KLSNumericsModule {}
