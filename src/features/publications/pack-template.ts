// The pack's Typst program. It holds no content: everything a person wrote arrives as JSON in
// sys.inputs.pack and is drawn by the functions below, where a string is always shown as text and
// never read as markup. Headings: 1 for sections, 2 for case studies (the contents and the
// bookmarks show both), 3 and below inside a case study, and 2 inside front and back matter
// (neither shows those): PDF/UA-1 refuses a skipped level. The cover image is a virtual file at a
// fixed path (pack-pdf.ts maps it); its alternative text is a string of the data, as the rest.
export const packTemplate = String.raw`
#let data = json(bytes(sys.inputs.pack))
#let L = data.labels

#set document(title: data.title, author: data.network)
#set text(lang: data.lang, region: data.region, font: "DejaVu Sans", size: 10pt)
#set par(justify: false, leading: 0.65em)
#set page(paper: "a4", margin: (x: 2cm, top: 2cm, bottom: 2.2cm), numbering: "1")
#set heading(numbering: none)
#show heading.where(level: 1): set text(size: 20pt)
#show heading.where(level: 2): set text(size: 16pt)
#show heading.where(level: 3): set text(size: 12pt)
#show link: set text(fill: rgb("#1d70b8"))
#show link: underline

#let inl(nodes) = for n in nodes {
  if n.t == "text" { n.v }
  else if n.t == "code" { raw(n.v) }
  else if n.t == "br" { linebreak() }
  else if n.t == "em" { emph[#inl(n.c)] }
  else if n.t == "strong" { strong[#inl(n.c)] }
  else if n.t == "strike" { strike[#inl(n.c)] }
  else if n.t == "link" { link(n.href)[#inl(n.c)] }
}

#let blocks(bs, base) = for b in bs {
  if b.t == "heading" { heading(level: b.level - 2 + base, outlined: false, bookmarked: false)[#inl(b.c)] }
  else if b.t == "para" { par[#inl(b.c)] }
  else if b.t == "list" and b.ordered { enum(start: b.start, ..b.items.map(i => [#blocks(i, base)])) }
  else if b.t == "list" { list(..b.items.map(i => [#blocks(i, base)])) }
  else if b.t == "quote" { quote(block: true)[#blocks(b.c, base)] }
  else if b.t == "codeblock" { raw(b.v, block: true) }
  else if b.t == "rule" { v(0.5em) }
  else if b.t == "table" {
    table(
      columns: b.head.len(),
      table.header(..b.head.map(c => strong[#inl(c)])),
      ..b.rows.map(r => r.map(c => [#inl(c)])).flatten(),
    )
  }
}

#let fact(label, value) = if value != none and value != "" { terms.item(label, value) }

#let entry(e) = {
  heading(level: 2)[#e.title]
  if e.summary != "" { par(text(size: 11pt)[#e.summary]) }
  terms(
    separator: [: ],
    ..(
      fact(L.council, e.council),
      fact(L.principlesMet, e.principles.join(", ")),
      fact(L.lead, e.lead),
      fact(L.participants, e.participants.join(", ")),
      fact(L.year, e.year),
    ).filter(x => x != none),
  )
  blocks(e.body, 3)
  if e.outcomes.len() > 0 {
    heading(level: 3, outlined: false, bookmarked: false)[#L.outcomes]
    blocks(e.outcomes, 3)
  }
  if e.contact != none {
    heading(level: 3, outlined: false, bookmarked: false)[#L.contact]
    par[#e.contact.name]
    if e.contact.role != "" { par[#e.contact.role] }
    if e.contact.email != "" { par(link("mailto:" + e.contact.email)[#e.contact.email]) }
    if e.contact.phone != "" { par[#e.contact.phone] }
  }
  if e.url != "" { par(link(e.url)[#L.readOnline]) }
}

// The cover.
#block(height: 30%)[]
#text(size: 28pt, weight: "bold")[#data.title]
#v(1em)
#for p in data.cover { par(text(size: 13pt)[#p]) }
#let cover-image = data.at("coverImage", default: none)
#if cover-image != none {
  v(1em)
  figure(image("/cover-image", format: if cover-image.format == "png" { "png" } else { "jpg" }, alt: cover-image.alt, width: 100%, height: 40%, fit: "contain"))
}

#pagebreak()
#outline(title: L.contents, depth: 2)

#if data.foreword.len() > 0 {
  pagebreak(weak: true)
  heading(level: 1)[#L.foreword]
  blocks(data.foreword, 2)
}

#if data.principles.len() > 0 {
  pagebreak(weak: true)
  heading(level: 1)[#L.principles]
  for p in data.principles {
    heading(level: 2, outlined: false, bookmarked: false)[#p.name]
    par[#p.statement]
  }
}

#for s in data.sections {
  pagebreak(weak: true)
  heading(level: 1)[#s.heading]
  for (i, e) in s.entries.enumerate() {
    if i > 0 { pagebreak() }
    entry(e)
  }
}

#if data.projects.len() > 0 {
  pagebreak(weak: true)
  heading(level: 1)[#L.projects]
  list(..data.projects.map(p => [#strong[#p.title]#if p.lead != "" [ (#p.lead)]]))
}

#if data.members.len() > 0 {
  pagebreak(weak: true)
  heading(level: 1)[#L.members]
  for g in data.members {
    heading(level: 2, outlined: false, bookmarked: false)[#g.tier]
    list(..g.names.map(n => [#n]))
  }
}

#if data.joinUs.len() > 0 {
  pagebreak(weak: true)
  heading(level: 1)[#L.joinUs]
  blocks(data.joinUs, 2)
}
`
