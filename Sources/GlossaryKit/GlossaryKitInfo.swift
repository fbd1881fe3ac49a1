/// Facts about the library that the tool and its outputs name.
public enum GlossaryKitInfo {
    /// The version of the library and the `glossary` tool: the one place it is written.
    ///
    /// `glossary --version` prints it, SARIF logs name it as the driver's version, and the
    /// compiled-glossary cache keys include it, so a new version never reads an older entry.
    /// CHANGELOG.md's newest entry names the same version (a test holds them together); a
    /// release is tagged `v` + this.
    public static let version = "0.1.0"
}
