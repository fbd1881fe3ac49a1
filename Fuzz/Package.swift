// swift-tools-version: 6.1
import PackageDescription

// The fuzz targets of GlossaryKit (docs/fuzzing.md). A package of their own, so that the main
// package never builds them: they link libFuzzer's driver, which exists only when everything is
// built with `-sanitize=fuzzer`. Build them with `Fuzz/fuzz.sh build`, not `swift build` here.

/// One fuzz target per reader, and three for the check pipeline: each is an executable whose
/// entry point hands control to libFuzzer (`FuzzSupport.FuzzDriver`).
let targets = [
    "FuzzYAMLGlossary",
    "FuzzTBX",
    "FuzzCSVGlossary",
    "FuzzXLIFF",
    "FuzzPO",
    "FuzzTMX",
    "FuzzStringCatalog",
    "FuzzI18nJSON",
    "FuzzMarkdownMasking",
    "FuzzConfiguration",
    "FuzzCacheEntry",
    "FuzzCheckText",
    "FuzzCheckStreaming",
]

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "glossary-fuzz",
    dependencies: [
        .package(name: "glossary", path: "..")
    ],
    targets: [
        // The driver glue, the invariants every target asserts and the fixed glossary the
        // check targets use.
        .target(
            name: "FuzzSupport",
            dependencies: [.product(name: "GlossaryKit", package: "glossary")],
            swiftSettings: swiftSettings
        )
    ]
        + targets.map { name in
            .executableTarget(
                name: name,
                dependencies: ["FuzzSupport", .product(name: "GlossaryKit", package: "glossary")],
                // No top-level code: the entry point is the `<target>_main` the file defines.
                swiftSettings: swiftSettings + [.unsafeFlags(["-parse-as-library"])],
                // libFuzzer's driver is linked into the targets alone. The build instruments every
                // module for coverage (`fuzz.sh`) but cannot link libFuzzer everywhere: it brings a
                // `main` of its own, which clashes with the build tools' (EmbedLanguageData).
                linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]
            )
        },
    swiftLanguageModes: [.v6]
)
