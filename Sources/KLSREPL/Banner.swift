/// The one line the prompt starts with.
enum Banner {
    /// `kls VERSION — :help for help, Tab completes, Ctrl-D quits`, the name in bold.
    static func text(palette: Palette) -> String {
        "\(palette.bold)kls \(KLSVersion.string)\(palette.reset)\(palette.dim) — type :help for help, Tab to complete, Ctrl-D to quit\(palette.reset)\n"
    }
}
