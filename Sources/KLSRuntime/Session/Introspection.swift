import KLSSyntax

/// What the interactive prompt shows about user functions (`:help f`, `:vars`).
extension Closure {
    /// The source the function was defined in (a file, or one input at the prompt); its
    /// declaration's span (`decl.span`) points into it.
    public var definitionFile: SourceFile { compiled.file }
}
