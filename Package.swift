// swift-tools-version:6.0
// kls — an interpreter for a small language of probability, information and optimisation.
// Layers (dependencies point down only): kls → KLSREPL → KLSLessons → KLSRuntime → {KLSSyntax, KLSDistributions,
// KLSOptim, KLSCoding, KLSPlot} → KLSInformation → {KLSNumerics, KLSSpecial} → KLSBase → C system libraries.
import PackageDescription

/// A kls session runs on one thread at a time (the command line hands it to one large-stack
/// thread and waits; the SIGINT handler only writes a byte), so release builds of kls's own
/// modules count references non-atomically: about 20% off interpreted calls and off every
/// step of a fit. Code that shares values between threads must not be added without
/// revisiting this. Debug builds (and so the tests, which run in parallel) count atomically.
let singleThreadedRelease: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-assume-single-threaded"], .when(configuration: .release)),
]

/// Numeric kernels, the tape and the evaluator's frames are touched on one thread; release
/// builds drop the dynamic exclusivity checks (static ones stay), which cost a runtime call
/// per access of a class's stored array (tape nodes, gradients) in every step of a fit and
/// would dominate the interpreter's inner loops. Debug builds, and so the test suite, keep
/// them on.
let uncheckedExclusivityRelease: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
]

/// LLVM's function merging folds the evaluator's near-identical specialised closures (one per
/// operator and slot kind) into one body reached through a function pointer and a thunk:
/// two extra calls in every statement of an interpreted loop. Release builds of the
/// evaluator keep them apart.
let unmergedFunctionsRelease: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-disable-llvm-merge-functions-pass"], .when(configuration: .release)),
]

let package = Package(
    name: "kls",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kls", targets: ["kls"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // read_csv's parser (RFC 4180 quoting, BOM, CRLF).
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        // Arbitrary-precision integers: arith_encode's exact message intervals.
        .package(url: "https://github.com/attaswift/BigInt", exact: "6.0.1"),
    ],
    targets: [
        // C system libraries (thin wrappers for variadic APIs live in CLineEdit).
        // cairo is loaded on first use (CCairo forwards to it through dlopen): a run that draws
        // no picture does not map it and the ~20 libraries it needs. Building needs its headers
        // (libcairo2-dev); PNG and GIF output need libcairo2 at run time.
        .target(name: "CCairo", path: "Sources/CCairo", linkerSettings: [.linkedLibrary("dl")]),
        .systemLibrary(name: "CGif", path: "Sources/CGif", pkgConfig: "libgif",
                       providers: [.apt(["libgif-dev"])]),
        .target(name: "CLineEdit", path: "Sources/CLineEdit",
                linkerSettings: [.linkedLibrary("edit")]),
        // The Jupyter kernel's transport (ZeroMQ) and message signatures (HMAC-SHA256 of OpenSSL's
        // libcrypto), loaded on first use (CJupyter forwards to them through dlopen) so that a
        // script or the prompt does not map them. Building needs their headers (libzmq3-dev,
        // libssl-dev); the kernel needs libzmq5 and libssl3 at run time.
        .target(name: "CJupyter", path: "Sources/CJupyter", linkerSettings: [.linkedLibrary("dl")]),

        // The lowest Swift layer: what every module may need of the system — file names checked
        // (SafePath), whole-file writes (AtomicFile), Ctrl-C seen by long loops
        // (Cancellation), the memory budget, control characters made visible.
        .target(name: "KLSBase", swiftSettings: singleThreadedRelease),

        // Pure numeric layers. CKernels holds the hot vector loops, each compiled for AVX2 and
        // for the baseline, chosen at load time.
        .target(name: "CKernels", path: "Sources/CKernels"),
        .target(name: "KLSSpecial", dependencies: ["KLSBase"], swiftSettings: singleThreadedRelease),
        .target(name: "KLSNumerics", dependencies: ["CKernels", "KLSBase", "KLSSpecial"],
                swiftSettings: singleThreadedRelease + uncheckedExclusivityRelease),
        .target(name: "KLSInformation", dependencies: ["KLSBase", "KLSNumerics", "KLSSpecial"],
                swiftSettings: singleThreadedRelease + uncheckedExclusivityRelease),
        .target(name: "KLSDistributions", dependencies: ["CKernels", "KLSBase", "KLSNumerics", "KLSSpecial", "KLSInformation"],
                swiftSettings: singleThreadedRelease + uncheckedExclusivityRelease),
        .target(name: "KLSOptim", dependencies: ["KLSBase"], swiftSettings: singleThreadedRelease + uncheckedExclusivityRelease),
        .target(name: "KLSCoding", dependencies: ["KLSBase", .product(name: "BigInt", package: "BigInt")], swiftSettings: singleThreadedRelease),
        .target(name: "KLSPlot", dependencies: ["CCairo", "CGif", "KLSBase"], swiftSettings: singleThreadedRelease),

        // Language.
        .target(name: "KLSSyntax", dependencies: ["KLSBase"], swiftSettings: singleThreadedRelease),
        .target(name: "KLSRuntime", dependencies: [
            "KLSBase", "KLSSyntax", "KLSNumerics", "KLSSpecial", "KLSInformation", "KLSDistributions", "KLSOptim", "KLSCoding", "KLSPlot",
            .product(name: "CSV", package: "CSV.swift"),
        ], swiftSettings: singleThreadedRelease + uncheckedExclusivityRelease + unmergedFunctionsRelease),
        .target(name: "KLSLineEditor", dependencies: ["CLineEdit", "KLSBase"], swiftSettings: singleThreadedRelease),
        // Lessons: the lesson file format, judging answers by value, progress (no terminal).
        .target(name: "KLSLessons", dependencies: ["KLSBase", "KLSRuntime", "KLSSyntax"], swiftSettings: singleThreadedRelease),
        .target(name: "KLSREPL", dependencies: ["KLSBase", "KLSRuntime", "KLSLineEditor", "KLSLessons"], swiftSettings: singleThreadedRelease),
        // The Jupyter kernel runs its sockets on several threads: reference counts stay atomic.
        // It must not take a `Value` apart itself (use KLSRuntime's accessors): its copy of the
        // value's outlined destroy, with atomic releases, would be the one every row links.
        .target(name: "KLSKernel", dependencies: ["KLSBase", "KLSREPL", "KLSRuntime", "KLSPlot", "CJupyter"]),
        .executableTarget(name: "kls", dependencies: [
            "KLSREPL", "KLSRuntime", "KLSKernel",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: singleThreadedRelease, linkerSettings: [
            // A position-dependent executable: the loader has no ~80,000 relative relocations
            // to apply (and no pages of metadata to copy for them) before main runs.
            .unsafeFlags(["-Xclang-linker", "-no-pie"], .when(configuration: .release)),
        ]),

        .testTarget(name: "KLSBaseTests", dependencies: ["KLSBase"]),
        .testTarget(name: "KLSSpecialTests", dependencies: ["KLSSpecial"]),
        .testTarget(name: "KLSNumericsTests", dependencies: ["KLSNumerics"]),
        .testTarget(name: "KLSInformationTests", dependencies: ["KLSInformation"]),
        .testTarget(name: "KLSDistributionsTests", dependencies: ["KLSDistributions"]),
        .testTarget(name: "KLSOptimTests", dependencies: ["KLSOptim"], exclude: ["Reference"]),
        .testTarget(name: "KLSCodingTests", dependencies: ["KLSCoding"]),
        // The tests read pictures back with cairo functions kls itself does not use.
        .testTarget(name: "KLSPlotTests", dependencies: ["KLSBase", "KLSPlot"], linkerSettings: [.linkedLibrary("cairo")]),
        .testTarget(name: "KLSSyntaxTests", dependencies: ["KLSSyntax"]),
        .testTarget(name: "KLSRuntimeTests", dependencies: ["KLSRuntime"], exclude: ["Language"]),
        .testTarget(name: "KLSLineEditorTests", dependencies: ["KLSLineEditor"]),
        .testTarget(name: "KLSREPLTests", dependencies: ["KLSREPL"], exclude: ["pty"]),
        .testTarget(name: "KLSLessonsTests", dependencies: ["KLSLessons"]),
        .testTarget(name: "KLSKernelTests", dependencies: ["KLSKernel"]),
    ]
)
