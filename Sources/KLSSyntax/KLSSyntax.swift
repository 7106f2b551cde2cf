/// Namespace placeholder for the KLSSyntax module; replaced as the module grows.
public enum KLSSyntaxModule {}
