import KLSREPL

/// The content of `kernel_info_reply`: the protocol version, kls's version and how front
/// ends should treat kls code.
enum KernelInfo {
    static var content: JSONObject {
        [
            "status": "ok",
            "protocol_version": WireMessage.protocolVersion,
            "implementation": "kls",
            "implementation_version": KLSVersion.string,
            "language_info": [
                "name": "kls",
                "version": KLSVersion.string,
                "mimetype": "text/x-kls",
                "file_extension": ".kls",
                // kls reads like Julia (functions of Unicode names, `#` comments, `fn … { }`,
                // `x -> e`): Pygments' and CodeMirror's Julia modes colour it reasonably.
                "pygments_lexer": "julia",
                "codemirror_mode": "julia",
                "nbconvert_exporter": "script",
            ] as JSONObject,
            "banner": "kls \(KLSVersion.string) — probability, information theory and optimisation. :help lists the topics.",
            "debugger": false,
            // kls's documentation is `:help` in a cell (and Shift-Tab on a name); it has no web pages.
            "help_links": [Any](),
        ]
    }
}
