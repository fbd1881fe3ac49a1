import TestRandom
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
        #expect(throws: Glob.SyntaxError(message: "'}' without '{' (write \\} for a literal brace)", column: 2)) {
            try Glob("a}")
        }
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

    // MARK: - Bounded work

    /// Steps the matcher takes for `path`.
    func steps(_ pattern: Glob, _ path: String) -> Int {
        var steps = 0
        _ = pattern.match(path, steps: &steps)
        return steps
    }

    @Test func starsDoNotBacktrackExponentially() throws {
        // Each `*` could end at any of the name's characters: a backtracking matcher tries every
        // combination of the eight stars, C(n, 8) of them.
        let pattern = try glob("*a*a*a*a*a*a*a*a*b")
        let short = String(repeating: "a", count: 12), long = String(repeating: "a", count: 24)
        #expect(!pattern.matches(short) && !pattern.matches(long))
        #expect(pattern.matches(long + "b"))
        let ratio = Double(steps(pattern, long)) / Double(steps(pattern, short))
        #expect(ratio <= 2.5, "doubling the name multiplied the work by \(ratio)")
        // The issue's case: a 40-character name is answered at once.
        #expect(!pattern.matches(String(repeating: "a", count: 40)))
        #expect(steps(pattern, String(repeating: "a", count: 40)) < 40 * 20 * 4)
    }

    @Test func globstarsDoNotBacktrackExponentially() throws {
        let pattern = try glob("**/**/**/**/*a*a*a*a*a*b")
        func path(depth: Int) -> String {
            Array(repeating: String(repeating: "a", count: 12), count: depth).joined(separator: "/")
        }
        #expect(!pattern.matches(path(depth: 10)) && !pattern.matches(path(depth: 20)))
        #expect(pattern.matches(path(depth: 20) + "/aaaaab"))
        let ratio = Double(steps(pattern, path(depth: 20))) / Double(steps(pattern, path(depth: 10)))
        #expect(ratio <= 2.5, "doubling the depth multiplied the work by \(ratio)")
        let name = try glob("**/*a*a*a*a*a*b")
        let wide = Double(steps(name, path(depth: 4) + "/" + String(repeating: "a", count: 48)))
        let narrow = Double(steps(name, path(depth: 4) + "/" + String(repeating: "a", count: 24)))
        #expect(wide / narrow <= 2.5, "doubling the name multiplied the work by \(wide / narrow)")
    }

    @Test func braceExpansionIsBounded() {
        // 2^20 alternatives would be built before any path is matched.
        let pattern = String(repeating: "{a,b}", count: 20)
        #expect(throws: Glob.SyntaxError.self) { try Glob(pattern) }
        #expect((try? Glob(String(repeating: "{a,b}", count: 10))) != nil)
    }

    @Test func agreesWithABacktrackingReferenceOnRandomPatterns() throws {
        var generator = SeededGenerator(seed: 16)
        let patternTokens = ["a", "b", "*", "?", "/", "**", "/**/", ".", "{lang}"]
        let pathCharacters: [Character] = ["a", "b", "-", ".", "1"]
        var positives = 0, negatives = 0, captures = 0
        for _ in 0..<4000 {
            var pattern = ""
            for _ in 0..<Int.random(in: 1...7, using: &generator) { pattern += patternTokens.randomElement(using: &generator)! }
            let capturing = pattern.contains("{lang}")
            guard let compiled = try? Glob(pattern, capturingLanguage: capturing) else { continue }
            var components: [String] = []
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                components.append(
                    String(
                        (0..<Int.random(in: 0...4, using: &generator)).map { _ in pathCharacters.randomElement(using: &generator)!
                        }))
            }
            let path = (Bool.random(using: &generator) ? "" : "./") + components.joined(separator: "/")
            let expected = ReferenceGlob(pattern).match(path)
            let actual = compiled.match(path)
            switch (expected, actual) {
            case (nil, nil):
                negatives += 1
            case let (.some(reference), .some(found)):
                positives += 1
                if let reference {
                    captures += 1
                    #expect(
                        found?.text == reference.text && found?.component == reference.component
                            && found?.offset == reference.offset,
                        "'\(pattern)' on '\(path)': captured \(String(describing: found)), expected \(reference)")
                } else {
                    #expect(found == nil, "'\(pattern)' on '\(path)'")
                }
            default:
                Issue.record("'\(pattern)' on '\(path)': matched \(actual != nil), expected \(expected != nil)")
            }
        }
        #expect(
            positives > 300 && negatives > 300 && captures > 30, "\(positives) matches, \(negatives) misses, \(captures) captures"
        )
    }
}

/// A glob matcher written from the documentation, by plain backtracking: exponential in the worst
/// case, so it is only used on short random patterns and paths, as the reference `Glob` must agree
/// with (including which `{lang}` it reports: the first match trying shorter stars first).
private struct ReferenceGlob {
    let components: [String]

    init(_ pattern: String) {
        var text = Substring(pattern)
        var anchored = false
        while text.hasPrefix("./") { text = text.dropFirst(2); anchored = true }
        if text.hasPrefix("/") { text = text.dropFirst(); anchored = true }
        var result = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if text.hasSuffix("/") { result[result.count - 1] = "**" }
        if !anchored && !text.contains("/") { result.insert("**", at: 0) }
        components = result
    }

    func match(_ path: String) -> Glob.Capture?? {
        let names = path.split(separator: "/").filter { $0 != "." }.map(String.init)
        return match(components[...], names[...])
    }

    private func match(_ pattern: ArraySlice<String>, _ names: ArraySlice<String>) -> Glob.Capture?? {
        guard let first = pattern.first else { return names.isEmpty ? .some(nil) : nil }
        if first == "**" {
            for skip in 0...names.count {
                if let found = match(pattern.dropFirst(), names.dropFirst(skip)) { return found }
            }
            return nil
        }
        guard let name = names.first,
            let own = matchName(Array(first.unicodeScalars)[...], Array(name.unicodeScalars)[...], at: 0),
            let rest = match(pattern.dropFirst(), names.dropFirst())
        else { return nil }
        if var capture = own { capture.component = names.startIndex; return .some(capture) }
        return rest
    }

    private func matchName(_ pattern: ArraySlice<Unicode.Scalar>, _ text: ArraySlice<Unicode.Scalar>, at offset: Int) -> Glob
        .Capture??
    {
        guard let first = pattern.first else { return text.isEmpty ? .some(nil) : nil }
        if pattern.starts(with: "{lang}".unicodeScalars) {
            var length = 0
            while length < text.count,
                text[text.startIndex + length].properties.isAlphabetic
                    || ("0"..."9").contains(text[text.startIndex + length]) || text[text.startIndex + length] == "-"
            {
                length += 1
                if matchName(pattern.dropFirst(6), text.dropFirst(length), at: offset + length) != nil {
                    return .some(
                        Glob.Capture(text: String(String.UnicodeScalarView(text.prefix(length))), component: 0, offset: offset))
                }
            }
            return nil
        }
        switch first {
        case "*":
            for skip in 0...text.count {
                if let found = matchName(pattern.dropFirst(), text.dropFirst(skip), at: offset + skip) { return found }
            }
            return nil
        case "?":
            guard !text.isEmpty else { return nil }
            return matchName(pattern.dropFirst(), text.dropFirst(), at: offset + 1)
        default:
            guard text.first == first else { return nil }
            return matchName(pattern.dropFirst(), text.dropFirst(), at: offset + 1)
        }
    }
}
