#!/usr/bin/env python3
"""Writes Resources/Text.resx (Bahasa Indonesia, the neutral culture) and Text.en.resx from texts.tsv.

texts.tsv is the one place user-facing strings are edited: key<TAB>Indonesian<TAB>English.
Run it after editing: python3 tools/texts.py
"""
import html, os, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
src = os.path.join(root, "src", "SituationRoom.Web", "Resources")
rows = []
with open(os.path.join(src, "texts.tsv"), encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            sys.exit(f"texts.tsv line {n}: expected key, Indonesian, English separated by tabs")
        rows.append(parts)

keys = [r[0] for r in rows]
dupes = {k for k in keys if keys.count(k) > 1}
if dupes:
    sys.exit(f"texts.tsv: duplicate keys {sorted(dupes)}")

head = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''
for suffix, col in (("", 1), (".en", 2)):
    with open(os.path.join(src, f"Text{suffix}.resx"), "w", encoding="utf-8") as out:
        out.write(head)
        for r in rows:
            out.write(f'  <data name="{html.escape(r[0])}" xml:space="preserve"><value>{html.escape(r[col], quote=False)}</value></data>\n')
        out.write("</root>\n")
print(f"{len(rows)} texts written")
