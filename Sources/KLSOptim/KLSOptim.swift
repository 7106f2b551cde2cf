/// Namespace placeholder for the KLSOptim module; replaced as the module grows.
public enum KLSOptimModule {}
