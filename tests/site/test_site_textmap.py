"""Plain text out of article HTML: paragraphs joined by a blank line, offsets exact."""

from __future__ import annotations

from gloss.site.textmap import text_of_html


def test_blocks_are_joined_by_a_blank_line() -> None:
    html = "<h2>Title</h2>\n<p>One <em>two</em>.</p>\n<ul>\n<li>Three</li>\n<li>Four</li>\n</ul>"
    assert text_of_html(html).text == "Title\n\nOne two.\n\nThree\n\nFour"


def test_entities_are_decoded_and_soft_breaks_become_spaces() -> None:
    html = "<p>Fish &amp; chips\nwere &lt;cheap&gt;</p>"
    assert text_of_html(html).text == "Fish & chips were <cheap>"


def test_code_and_scripts_are_not_text() -> None:
    html = "<p>Before <code>x = 1</code> after</p><pre>block</pre><script>var a</script>"
    assert text_of_html(html).text == "Before  after"


def test_node_offsets_point_at_their_characters() -> None:
    html = "<p>Alpha <a href='#'>Beta</a></p><blockquote><p>Gamma</p></blockquote>"
    result = text_of_html(html)
    for entry in result.nodes:
        assert result.text[entry.start : entry.end] == str(entry.node).replace("\n", " ")
    assert result.text == "Alpha Beta\n\nGamma"
