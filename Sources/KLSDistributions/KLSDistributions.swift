/// Namespace placeholder for the KLSDistributions module; replaced as the module grows.
public enum KLSDistributionsModule {}
