import Foundation
import KLSBase

/// The kernelspec `kls kernel install` writes: `kernel.json` and the logos, in a `kls`
/// directory under one of the kernel directories Jupyter searches.
public struct KernelSpec {
    /// Where to install: the user's Jupyter data directory, or `PREFIX/share/jupyter`.
    public enum Location: Equatable, Sendable {
        case user
        case prefix(String)
    }

    /// The absolute path of the kls executable the kernel runs.
    public var executable: String
    /// The kernel's name (its directory), "kls" unless given.
    public var name = "kls"
    public var displayName = "kls"

    public init(executable: String) {
        self.executable = executable
    }

    /// The `kernel.json` object.
    public var json: JSONObject {
        [
            "argv": [executable, "kernel", "-f", "{connection_file}"],
            "display_name": displayName,
            "language": "kls",
            "interrupt_mode": "signal",
            // The protocol version the kernel speaks (JEP 66), so front ends know it before asking.
            "kernel_protocol_version": WireMessage.protocolVersion,
            "metadata": ["debugger": false],
        ]
    }

    /// The kernels directory of `location`, as Jupyter finds it: for the user,
    /// `$JUPYTER_DATA_DIR`, else `$XDG_DATA_HOME/jupyter` or `~/.local/share/jupyter`
    /// (`~/Library/Jupyter` on macOS); for a prefix, `PREFIX/share/jupyter`. Then `/kernels`.
    public static func kernelsDirectory(_ location: Location, environment: [String: String]) throws(InstallError) -> String {
        switch location {
        case .prefix(let prefix):
            return absolute(prefix) + "/share/jupyter/kernels"
        case .user:
            if let data = environment["JUPYTER_DATA_DIR"], !data.isEmpty { return absolute(data) + "/kernels" }
            guard let home = environment["HOME"], !home.isEmpty else {
                throw InstallError(description: "HOME is not set: give --prefix DIR or set JUPYTER_DATA_DIR")
            }
            #if os(macOS)
            return home + "/Library/Jupyter/kernels"
            #else
            if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return absolute(xdg) + "/jupyter/kernels" }
            return home + "/.local/share/jupyter/kernels"
            #endif
        }
    }

    /// A path made absolute against the working directory.
    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// Why an installation failed.
    public struct InstallError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Writes the spec into `kernels/NAME` (created as needed), each file whole or not at all
    /// (`AtomicFile`); returns that directory.
    public func install(into kernels: String) throws(InstallError) -> String {
        let directory = kernels + "/" + name
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw InstallError(description: "cannot make \(directory): \(error.localizedDescription)")
        }
        guard let data = try? JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else {
            throw InstallError(description: "cannot write kernel.json: the spec is not JSON")
        }
        var files: [(name: String, bytes: [UInt8])] = [("kernel.json", [UInt8](data))]
        for logo in KernelLogo.files {
            if let png = Data(base64Encoded: logo.base64, options: .ignoreUnknownCharacters) { files.append((logo.name, [UInt8](png))) }
        }
        for file in files {
            do {
                try AtomicFile.write(file.bytes, to: directory + "/" + file.name)
            } catch {
                throw InstallError(description: "cannot write \(directory)/\(file.name): \(error)")
            }
        }
        return directory
    }
}
