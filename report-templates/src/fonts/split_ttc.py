#!/usr/bin/env python3
"""Extract one face of a TrueType collection (.ttc) as a standalone .ttf.

JasperReports refuses .ttc files, and no CJK font is published on Maven Central, so the
font the reports embed is taken from Debian's fonts-wqy-microhei package:

    apt-get install fonts-wqy-microhei python3-fonttools
    python3 src/fonts/split_ttc.py /usr/share/fonts/truetype/wqy/wqy-microhei.ttc 0 \
        src/main/resources/fonts/wqy-microhei.ttf
"""
import sys

from fontTools.ttLib import TTCollection


def main(source, index, target):
    collection = TTCollection(source)
    font = collection.fonts[int(index)]
    # keep the face's own modification date, so that the split is byte-for-byte reproducible
    font.recalcTimestamp = False
    font.save(target)
    print(f"{target}: {font['name'].getDebugName(4)}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: split_ttc.py SOURCE.ttc INDEX TARGET.ttf")
    main(*sys.argv[1:])
