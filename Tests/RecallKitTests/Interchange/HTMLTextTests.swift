import RecallKit
import Testing

@Suite struct HTMLTextTests {
  @Test(arguments: [
    ("a<br>b", "a\nb"), ("a<br/>b<BR />c", "a\nb\nc"), ("<div>one</div><div>two</div>", "one\ntwo"),
    ("&lt;b&gt; &amp; &quot;q&quot; &#39;s &#x41;", "<b> & \"q\" 's A"),
    ("<b>bold</b>  and\n  <i>spaced</i>", "bold and spaced"), ("x&nbsp;y", "x y"),
    ("<style>.c{}</style>text", "text"), ("a &unknown; b", "a &unknown; b"),
    ("bad &#1; ok", "bad  ok".replacingOccurrences(of: "  ", with: " ")),
    ("5 < 6", "5 < 6"),
  ])
  func toText(html: String, text: String) {
    #expect(HTMLText.toText(html) == text)
  }

  @Test func escapeAndBack() {
    let text = "A & B <c> \"d\"\nline"
    #expect(HTMLText.escape(text) == "A &amp; B &lt;c&gt; &quot;d&quot;<br>line")
    #expect(HTMLText.toText(HTMLText.escape(text)) == text)
  }
}
