public import Foundation

/// The checkout the tests run from.
public enum TestPackage {
    /// The package's root folder (the one holding `Package.swift`), found from this file's path,
    /// `Tests/TestLocations/TestPackage.swift`, so it does not depend on the working directory.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
