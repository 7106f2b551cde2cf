/// Namespace placeholder for the KLSREPL module; replaced as the module grows.
public enum KLSREPLModule {}
