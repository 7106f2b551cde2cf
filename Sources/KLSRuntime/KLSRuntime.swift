/// Namespace placeholder for the KLSRuntime module; replaced as the module grows.
public enum KLSRuntimeModule {}
