import Foundation
import Testing

@testable import GlossaryKit

/// Where the standard cache goes, read from an environment and a home folder given as values, so
/// these tests never look at (or write into) the real `~/.cache/glossary`.
@Suite("Standard cache location")
struct CacheLocationTests {
    static let home = URL(fileURLWithPath: "/nonexistent/home")

    @Test func theGlossaryVariableComesFirst() {
        let environment = ["GLOSSARY_CACHE_DIR": "/scratch/cache", "XDG_CACHE_HOME": "/xdg"]
        #expect(GlossaryCache.standard(environment: environment, home: Self.home).path == "/scratch/cache")
    }

    @Test func theXDGCacheFolderComesNext() {
        let environment = ["XDG_CACHE_HOME": "/xdg"]
        #expect(GlossaryCache.standard(environment: environment, home: Self.home).path == "/xdg/glossary")
    }

    @Test func theHomeFolderIsTheLastResort() {
        #expect(GlossaryCache.standard(environment: [:], home: Self.home).path == "/nonexistent/home/.cache/glossary")
    }

    @Test func emptyVariablesCountAsUnset() {
        let environment = ["GLOSSARY_CACHE_DIR": "", "XDG_CACHE_HOME": ""]
        #expect(GlossaryCache.standard(environment: environment, home: Self.home).path == "/nonexistent/home/.cache/glossary")
    }
}
