/// Namespace placeholder for the KLSInformation module; replaced as the module grows.
public enum KLSInformationModule {}
