import Testing
@testable import GlossaryKit

@Suite("Glob patterns")
struct GlobTests {
    func glob(_ pattern: String) throws -> Glob { try Glob(pattern) }

    @Test func starStaysWithinOneFolder() throws {
        let pattern = try glob("docs/*.md")
        #expect(pattern.matches("docs/a.md"))
        #expect(!pattern.matches("docs/x/a.md"))
        #expect(!pattern.matches("docs/a.txt"))
        #expect(!pattern.matches("other/docs/a.md"))
    }

    @Test func globstarMatchesZeroOrMoreFolders() throws {
        let pattern = try glob("docs/**/*.md")
        #expect(pattern.matches("docs/a.md"))
        #expect(pattern.matches("docs/x/y/a.md"))
        #expect(!pattern.matches("a.md"))
        let below = try glob("docs/id/**")
        #expect(below.matches("docs/id/a.md"))
        #expect(below.matches("docs/id/x/a.md"))
        #expect(!below.matches("docs/en/a.md"))
    }

    @Test func questionMarkMatchesOneCharacter() throws {
        let pattern = try glob("ch?.md")
        #expect(pattern.matches("ch1.md"))
        #expect(pattern.matches("x/ché.md"))
        #expect(!pattern.matches("ch10.md"))
        #expect(!pattern.matches("ch.md"))
    }

    @Test func bracesAreAlternativesAndNest() throws {
        let pattern = try glob("docs/{id,su}/*.{md,txt}")
        #expect(pattern.matches("docs/id/a.md"))
        #expect(pattern.matches("docs/su/a.txt"))
        #expect(!pattern.matches("docs/en/a.md"))
        let nested = try glob("{a,b{c,d}}.md")
        #expect(nested.matches("a.md") && nested.matches("bc.md") && nested.matches("bd.md"))
        #expect(!nested.matches("b.md"))
        let withSlash = try glob("{docs/id,notes}/*.md")
        #expect(withSlash.matches("docs/id/x.md") && withSlash.matches("notes/x.md"))
    }

    @Test func patternWithoutSlashMatchesFileNamesAtAnyDepth() throws {
        let pattern = try glob("*.su.md")
        #expect(pattern.matches("a.su.md"))
        #expect(pattern.matches("docs/deep/a.su.md"))
        #expect(!pattern.matches("a.id.md"))
        let anchored = try glob("/README.md")
        #expect(anchored.matches("README.md"))
        #expect(!anchored.matches("docs/README.md"))
        #expect(try glob("./README.md").matches("README.md"))
    }

    @Test func trailingSlashMatchesEverythingBelow() throws {
        let pattern = try glob("vendor/")
        #expect(pattern.matches("vendor/a.md"))
        #expect(pattern.matches("vendor/x/y.md"))
        #expect(!pattern.matches("vendored/a.md"))
    }

    @Test func escapesMakeCharactersLiteral() throws {
        let pattern = try glob("a\\*.md")
        #expect(pattern.matches("a*.md"))
        #expect(!pattern.matches("ab.md"))
    }

    @Test func syntaxErrorsHaveColumns() {
        #expect(throws: Glob.SyntaxError(message: "'{' is not closed", column: 6)) { try Glob("docs/{id,su") }
        #expect(throws: Glob.SyntaxError(message: "'}' without '{' (write \\} for a literal brace)", column: 2)) { try Glob("a}") }
        #expect(throws: Glob.SyntaxError.self) { try Glob("") }
        #expect(throws: Glob.SyntaxError.self) { try Glob("a\\") }
    }

    @Test func parallelSetsCaptureTheLanguageAndAKey() throws {
        let set = try ParallelSet("docs/{lang}/**")
        let member = try #require(set.member("docs/id/guide/intro.md"))
        #expect(member.language == LanguageTag("id"))
        #expect(member.key == "docs/{lang}/guide/intro.md")
        #expect(set.member("docs/en/guide/intro.md")?.key == member.key)
        #expect(set.member("notes/id/x.md") == nil)
        let suffix = try ParallelSet("guide.{lang}.md")
        let translated = try #require(suffix.member("guide.su.md"))
        #expect(translated.language == LanguageTag("su"))
        #expect(translated.key == "guide.{lang}.md")
        #expect(throws: Glob.SyntaxError.self) { try ParallelSet("docs/**") }
    }
}
