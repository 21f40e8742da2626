#!/usr/bin/env bash
# Rebuilds samples/whatsapp/ from scratch: a small WhatsApp (Android) media tree whose
# files are all made by real encoders (ffmpeg/x264/libopus/LAME, ImageMagick, cwebp,
# Ghostscript, espeak-ng, zip), plus index.txt (the classpath listing the Java demo
# reads) and README.md (inventory with sizes and SHA-256).
#
# Usage: scripts/make-samples.sh            (run from anywhere; needs Debian/Ubuntu for apt-get)
#
# Inputs are deterministic (lavfi test patterns, fixed seeds, fixed text, bit-exact
# muxing, single-threaded x264), so with the same tool versions the bytes are identical
# from run to run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/samples/whatsapp"
M="$OUT/Media"
MAX_BYTES=$((5 * 1024 * 1024))

export LC_ALL=C TZ=UTC SOURCE_DATE_EPOCH=1696896000

# ---------------------------------------------------------------- tools
need_pkgs=()
need() { command -v "$1" >/dev/null 2>&1 || need_pkgs+=("$2"); }
need ffmpeg ffmpeg
need ffprobe ffmpeg
[ -x /usr/bin/convert ] || need_pkgs+=(imagemagick)
need cwebp webp
need gs ghostscript
need espeak-ng espeak-ng
need zip zip
need file file
need sha256sum coreutils
if [ ${#need_pkgs[@]} -gt 0 ]; then
    echo "Installing: ${need_pkgs[*]}" >&2
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends \
        $(printf '%s\n' "${need_pkgs[@]}" | sort -u)
fi
IM=/usr/bin/convert   # the real ImageMagick 6 binary

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

FF=(ffmpeg -hide_banner -loglevel error -nostdin -y)
BITEXACT=(-map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact)
X264=(-c:v libx264 -preset medium -profile:v main -pix_fmt yuv420p -threads 1
      -x264-params "threads=1:lookahead-threads=1:sliced-threads=0" -movflags +faststart)

# ---------------------------------------------------------------- layout
rm -rf "$OUT"
IMG="$M/WhatsApp Images"
VID="$M/WhatsApp Video"
PTT="$M/WhatsApp Voice Notes"
AUD="$M/WhatsApp Audio"
DOC="$M/WhatsApp Documents"
GIF="$M/WhatsApp Animated Gifs"
STK="$M/WhatsApp Stickers"
PRO="$M/WhatsApp Profile Photos"
STA="$M/.Statuses"
mkdir -p "$IMG/Sent" "$IMG/Private" "$VID/Sent" "$PTT/202345" "$PTT/202401" "$AUD" \
         "$DOC/Sent" "$GIF" "$STK" "$PRO" "$STA"

# ---------------------------------------------------------------- images (JPEG/PNG)
# ffmpeg single frames through the MJPEG encoder (q 2 = high quality => ~100-250 KB).
ff_jpeg() { # <lavfi source> <out>
    "${FF[@]}" -f lavfi -i "$1" -frames:v 1 -c:v mjpeg -q:v 2 -pix_fmt yuvj420p \
        "${BITEXACT[@]}" "$2"
}
# The noise filter (fixed internal seed) adds camera-like grain so sizes are photo-like.
ff_jpeg "mandelbrot=size=640x480:rate=1:start_scale=2.5:maxiter=2048,noise=alls=6:allf=u" \
        "$IMG/IMG-20231105-WA0012.jpg"
ff_jpeg "testsrc2=size=640x480:rate=1,noise=alls=14:allf=u" "$IMG/IMG-20231224-WA0001.jpg"

# ImageMagick: seeded plasma fractal (deterministic with -seed), stripped of metadata.
"$IM" -seed 4242 -size 640x480 plasma:fractal -strip -quality 92 \
      -sampling-factor 4:2:0 "$IMG/IMG-20240214-WA0003.jpg"
"$IM" -seed 20230704 -size 640x480 plasma:tomato-steelblue -strip -quality 92 \
      -sampling-factor 4:2:0 "$IMG/Private/IMG-20230704-WA0001.jpg"
# Profile photo: square, like WhatsApp's.
"$IM" -size 640x640 radial-gradient:gold-darkgreen \
      -fill white -draw "circle 320,250 320,170" -draw "ellipse 320,560 190,160 180,360" \
      -seed 1 -attenuate 0.8 +noise Gaussian -strip -quality 88 \
      "$PRO/IMG-20230101-WA0000.jpg"
# Status (portrait, like a phone screen), in the hidden .Statuses folder.
"$IM" -seed 777 -size 540x960 plasma:fractal -blur 0x1 -swirl 240 -strip -quality 90 \
      -sampling-factor 4:2:0 "$STA/3A4B5C6D7E.jpg"
# The one real PNG (WhatsApp would name it .jpg; some senders keep .png).
"$IM" -size 480x360 gradient:navy-skyblue \
      -fill orange -draw "circle 360,90 360,40" \
      -fill seagreen -draw "polygon 0,360 120,200 240,300 330,180 480,320 480,360" \
      -fill none -stroke white -strokewidth 3 -draw "rectangle 10,10 470,350" \
      -strip -define png:exclude-chunks=date,time,tIME -define png:compression-level=9 \
      -depth 8 "PNG24:$IMG/IMG-20240101-WA0007.png"
# Duplicate under another name (same bytes).
cp "$IMG/IMG-20231105-WA0012.jpg" "$IMG/Sent/IMG-20231105-WA0013.jpg"

# ---------------------------------------------------------------- videos (H.264 + AAC MP4)
"${FF[@]}" -f lavfi -i "testsrc2=size=640x360:rate=25:duration=6" \
    -f lavfi -i "sine=frequency=440:beep_factor=4:sample_rate=44100:duration=6" \
    "${X264[@]}" -crf 27 -c:a aac -b:a 64k -ac 1 -shortest "${BITEXACT[@]}" \
    "$VID/VID-20231224-WA0002.mp4"
"${FF[@]}" -f lavfi -i "mandelbrot=size=480x360:rate=25:start_scale=3:end_scale=0.05:maxiter=512,trim=duration=4" \
    -f lavfi -i "aevalsrc=0.3*sin(2*PI*(220+110*t)*t)|0.3*sin(2*PI*(330+55*t)*t):s=44100:d=4" \
    "${X264[@]}" -crf 27 -c:a aac -b:a 96k -shortest "${BITEXACT[@]}" \
    "$VID/VID-20240214-WA0008.mp4"
cp "$VID/VID-20231224-WA0002.mp4" "$VID/Sent/VID-20240101-WA0005.mp4"

# Animated GIF as WhatsApp stores it: short, silent MP4 (made from a real GIF first).
"${FF[@]}" -f lavfi -i "life=size=160x120:mold=10:rate=10:ratio=0.25:seed=1111:death_color=#102040:life_color=#ffcc00,trim=duration=3,scale=320:240:flags=neighbor" \
    -filter_complex "[0:v]split[a][b];[a]palettegen=max_colors=32[p];[b][p]paletteuse" \
    "${BITEXACT[@]}" "$WORK/anim.gif"
"${FF[@]}" -i "$WORK/anim.gif" -an "${X264[@]}" -crf 32 "${BITEXACT[@]}" \
    "$GIF/VID-20231111-WA0006.mp4"

# ---------------------------------------------------------------- voice notes (Ogg/Opus)
tts_opus() { # <text> <voice> <out>
    espeak-ng -v "$2" -s 150 -w "$WORK/tts.wav" "$1"
    "${FF[@]}" -i "$WORK/tts.wav" -ac 1 -ar 16000 -c:a libopus -b:a 24k -application voip \
        -vbr on -f ogg "${BITEXACT[@]}" "$3"
}
tts_opus "Hi, it's me. I'm running about ten minutes late, save me a seat. See you soon!" \
         en-gb "$PTT/202345/PTT-20231105-WA0004.opus"
tts_opus "Happy new year! Call me back when you get this message. Bye." \
         en-us "$PTT/202401/PTT-20240102-WA0001.opus"

# ---------------------------------------------------------------- audio (MP3 via LAME)
"${FF[@]}" -f lavfi -i "aevalsrc=0.2*sin(2*PI*261.63*t)+0.2*sin(2*PI*329.63*t)+0.2*sin(2*PI*392*t)*(0.6+0.4*sin(2*PI*0.5*t)):s=44100:d=8" \
    -ac 1 -c:a libmp3lame -b:a 96k -write_xing 0 -id3v2_version 0 "${BITEXACT[@]}" \
    "$AUD/AUD-20230901-WA0000.mp3"

# ---------------------------------------------------------------- documents
cat > "$WORK/letter.ps" <<'EOF'
%!PS-Adobe-3.0
%%Title: Book club - October
%%Pages: 1
%%BoundingBox: 0 0 595 842
%%EndComments
[ /Title (Book club - October 2023) /Author (Sample) /DOCINFO pdfmark
<< /PageSize [595 842] >> setpagedevice
/H { /Helvetica-Bold findfont exch scalefont setfont } def
/R { /Helvetica findfont exch scalefont setfont } def
/y 770 def
/line { 72 y moveto show /y y 18 sub def } def
%%Page: 1 1
20 H (Book club - October) line
/y y 10 sub def
11 R
(Date: Tuesday, 10 October 2023, 19:30) line
(Place: Dana's flat, 3rd floor \(bring a chair!\)) line
(Members: Ana, Ben, Chris, Dana) line
/y y 10 sub def
13 H (This month) line
11 R
(1. Finish the last three chapters.) line
(2. Each member brings one favourite quote.) line
(3. Vote on the November book \(shortlist below\).) line
/y y 10 sub def
13 H (Shortlist for November) line
11 R
(- A short novel under 250 pages) line
(- A collection of essays) line
(- A travel memoir) line
/y y 10 sub def
13 H (Snacks) line
11 R
(Ana: tea and biscuits.  Ben: fruit.  Chris: something savoury.) line
0.5 setgray 72 60 moveto 9 R (Page 1 of 1) show
showpage
%%EOF
EOF
gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=pdfwrite -dCompatibilityLevel=1.4 \
   -dOmitInfoDate -dOmitID -dOmitXMP -sOutputFile="$DOC/DOC-20231010-WA0003.pdf" "$WORK/letter.ps"
cp "$DOC/DOC-20231010-WA0003.pdf" "$DOC/Sent/DOC-20231012-WA0010.pdf"

printf '%s\n' "Shopping list" "" "- milk (2 l)" "- eggs x12" "- bread" "- tomatoes" \
    "- coffee beans" "- olive oil" "- batteries (AA)" "- birthday card for Dana" \
    > "$DOC/Shopping list.txt"

# Deliberately mislabelled: a real ZIP archive named .pdf (content sniffing must say zip).
mkdir -p "$WORK/zip"
printf 'This is not a PDF. It is a ZIP archive renamed to .pdf for MIME-detection tests.\n' \
    > "$WORK/zip/readme.txt"
touch -d '2023-12-01 12:00:00' "$WORK/zip/readme.txt"
(cd "$WORK/zip" && zip -q -X -9 "$WORK/fake.zip" readme.txt)
cp "$WORK/fake.zip" "$DOC/DOC-20231201-WA0009.pdf"

# ---------------------------------------------------------------- sticker (WebP, 512x512, alpha)
"$IM" -size 512x512 xc:none \
      -fill '#ffd21f' -stroke white -strokewidth 16 -draw "circle 256,256 256,40" \
      -fill '#3b2a14' -stroke none -draw "ellipse 186,210 26,40 0,360" -draw "ellipse 326,210 26,40 0,360" \
      -fill none -stroke '#3b2a14' -strokewidth 18 -draw "path 'M 160,310 Q 256,410 352,310'" \
      -strip -define png:exclude-chunks=date,time,tIME "PNG32:$WORK/sticker.png"
cwebp -quiet -q 80 -alpha_q 100 -m 6 -metadata none "$WORK/sticker.png" \
      -o "$STK/STK-20231112-WA0001.webp"

# ---------------------------------------------------------------- .nomedia markers
: > "$IMG/.nomedia"
: > "$VID/Sent/.nomedia"

# ---------------------------------------------------------------- index.txt
(cd "$OUT" && find Media -type f | sort) > "$OUT/index.txt"

# ---------------------------------------------------------------- checks
fail=0
total=0
while IFS= read -r rel; do
    f="$OUT/$rel"
    sz=$(stat -c %s "$f"); total=$((total + sz))
    mime=$(file -b --mime-type "$f")
    case "$rel" in
        */.nomedia)                 want=inode/x-empty ;;
        *DOC-20231201-WA0009.pdf)   want=application/zip ;;   # deliberate mismatch
        *.jpg)                      want=image/jpeg ;;
        *.png)                      want=image/png ;;
        *.webp)                     want=image/webp ;;
        *.mp4)                      want=video/mp4 ;;
        *.opus)                     want=audio/ogg ;;
        *.mp3)                      want=audio/mpeg ;;
        *.pdf)                      want=application/pdf ;;
        *.txt)                      want=text/plain ;;
        *)                          want=? ;;
    esac
    if [ "$mime" != "$want" ]; then echo "MISMATCH: $rel is $mime, expected $want" >&2; fail=1; fi
    case "$rel" in
        *.mp4|*.opus|*.mp3)
            ffprobe -v error -show_entries stream=codec_name -of csv=p=0 "$f" >/dev/null \
                || { echo "ffprobe failed: $rel" >&2; fail=1; } ;;
    esac
done < "$OUT/index.txt"
if [ "$total" -gt "$MAX_BYTES" ]; then echo "Too big: $total bytes > $MAX_BYTES" >&2; fail=1; fi
[ "$fail" -eq 0 ] || { echo "Sample checks failed" >&2; exit 1; }

# ---------------------------------------------------------------- README.md
sha() { sha256sum "$OUT/$1" | cut -c1-64; }
human() { awk -v b="$1" 'BEGIN{ if (b>=1048576) printf "%.2f MiB", b/1048576; else if (b>=1024) printf "%.1f KiB", b/1024; else printf "%d B", b }'; }
describe() { # one-line "what/how" per file
    case "$1" in
        */.nomedia) echo "empty marker (touch)" ;;
        *DOC-20231201-WA0009.pdf) echo "**ZIP archive named .pdf** (zip -X)" ;;
        *) f="$OUT/$1"
           case "$1" in
             *.jpg|*.png|*.webp) "$IM" "$f[0]" -format '%m %wx%h' info: 2>/dev/null ;;
             *.mp4) ffprobe -v error -show_entries stream=codec_name,width,height,sample_rate -show_entries format=duration \
                        -of default=nw=1 "$f" | awk -F= '$1=="codec_name"{c=c (c?"+":"") $2} $1=="width"{w=$2} $1=="height"{h=$2}
                        $1=="duration"{d=$2} END{printf "MP4 %s %sx%s %.1fs", c, w, h, d}' ;;
             *.opus|*.mp3) ffprobe -v error -show_entries stream=codec_name,sample_rate,channels -show_entries format=duration \
                        -of default=nw=1 "$f" | awk -F= '$1=="codec_name"{c=$2} $1=="sample_rate"{r=$2} $1=="channels"{n=$2}
                        $1=="duration"{d=$2} END{printf "%s %s Hz %sch %.1fs", c, r, n, d}' ;;
             *.pdf) echo "PDF $(grep -ac '/Type */Page[^s]' "$f") page" ;;
             *.txt) echo "plain text, $(wc -l < "$f") lines" ;;
           esac ;;
    esac
}
{
cat <<'EOF'
# Sample WhatsApp media tree

`Media/` mirrors the layout WhatsApp for Android uses under
`Android/media/com.whatsapp/WhatsApp/Media/` (older phones: `/sdcard/WhatsApp/Media/`):
`WhatsApp Images`, `WhatsApp Video`, `WhatsApp Voice Notes/<yyyyww>/`, `WhatsApp Audio`,
`WhatsApp Documents`, `WhatsApp Animated Gifs`, `WhatsApp Stickers`, `WhatsApp Profile Photos`,
the hidden `.Statuses`, and the `Sent`/`Private` sub-folders. File names follow WhatsApp's
`IMG-/VID-/PTT-/AUD-/DOC-/STK-yyyymmdd-WAnnnn.ext` pattern.

Every file is a real file produced by a real encoder (no hand-written headers), so MIME
sniffing, EXIF-less JPEG handling, video/audio probing and hashing all behave as on a phone.
Nothing here is personal data: pictures are test patterns/fractals, speech is espeak-ng.

**Do not edit by hand.** Regenerate with:

```sh
scripts/make-samples.sh
```

The script deletes `samples/whatsapp/` and rebuilds it (installing missing Debian packages
with apt-get), then writes `index.txt` (sorted list of every file under `Media/`, relative to
this directory, including hidden files and `.nomedia`; the Java demo uses it to extract the
tree from the classpath) and this README. It checks every file with `file --mime-type`
and `ffprobe` and fails if the total exceeds 5 MiB. Inputs are deterministic (lavfi test
sources, fixed seeds, bit-exact muxing, single-threaded x264), so a rebuild with the same
tool versions gives the same bytes.

## How each kind was made

| Kind | Tool | Command (abridged) |
|------|------|--------------------|
| JPEG from test sources | ffmpeg (mjpeg) | `ffmpeg -f lavfi -i "mandelbrot=size=640x480,noise=alls=6:allf=u"` (or `testsrc2`) `-frames:v 1 -c:v mjpeg -q:v 2 -fflags +bitexact` |
| JPEG plasma / status / profile photo | ImageMagick 6 `convert` | `convert -seed N -size 640x480 plasma:fractal -strip -quality 92`; status adds `-swirl 240` (540x960); profile: `radial-gradient:` + `-draw` + `+noise Gaussian` |
| PNG | ImageMagick 6 `convert` | `gradient:` + `-draw` shapes, `-strip -define png:exclude-chunks=date,time -depth 8 PNG24:` |
| Video (H.264 + AAC) | ffmpeg (libx264, aac) | `-f lavfi -i testsrc2 / mandelbrot` + `sine` / `aevalsrc` → `-c:v libx264 -crf 27 -pix_fmt yuv420p -threads 1 -c:a aac -movflags +faststart` |
| Animated GIF (as MP4) | ffmpeg | `life` pattern → real GIF (`palettegen/paletteuse`) → `-an -c:v libx264` (WhatsApp converts GIFs to silent MP4s) |
| Voice note (Ogg/Opus) | espeak-ng + ffmpeg (libopus) | `espeak-ng -w tts.wav "…"`; `ffmpeg -i tts.wav -ac 1 -ar 16000 -c:a libopus -b:a 24k -application voip -f ogg` |
| Audio (MP3) | ffmpeg (libmp3lame) | `-f lavfi -i aevalsrc=<C-major chord> -c:a libmp3lame -b:a 96k` |
| PDF | Ghostscript `pdfwrite` | hand-written PostScript page → `gs -sDEVICE=pdfwrite -dOmitInfoDate -dOmitID -dOmitXMP` |
| Sticker (WebP, 512x512, alpha) | ImageMagick + libwebp `cwebp` | `convert … PNG32:sticker.png`; `cwebp -q 80 -alpha_q 100 -m 6 -metadata none` |
| ZIP disguised as PDF | Info-ZIP `zip` | `zip -X -9 fake.zip readme.txt` then renamed to `DOC-20231201-WA0009.pdf` |
| `.nomedia` | shell | empty file |

## Things tests can rely on

EOF
echo "### Duplicates (same bytes, different names)"
echo
echo "| SHA-256 | Files |"
echo "|---------|-------|"
while IFS= read -r rel; do [ -s "$OUT/$rel" ] && printf '%s\t%s\n' "$(sha "$rel")" "$rel"; done < "$OUT/index.txt" \
  | sort | awk -F'\t' '{n[$1]++; f[$1]=f[$1] (f[$1]?"<br>":"") "`" $2 "`"} END{for (h in n) if (n[h]>1) printf "| `%s` | %s |\n", h, f[h]}' | sort
echo
echo "The two \`.nomedia\` files are both empty (SHA-256 \`e3b0c44298fc…\`) but are markers, not media."
echo
cat <<'EOF'
### Hidden files (what a "skip hidden" default would leave out)

- `Media/.Statuses/3A4B5C6D7E.jpg` — inside the hidden `.Statuses` folder (statuses seen
  from contacts, which WhatsApp deletes after 24 h). A scanner that skips dot-folders,
  the usual default, never sees it.
- `Media/WhatsApp Images/.nomedia` and `Media/WhatsApp Video/Sent/.nomedia` — empty
  Android markers meaning "media scanner: don't index this folder"; they are hidden files,
  not media, and should never be uploaded. Placement matters if a scanner chooses to
  *honour* them the way Android's media scanner does (the folder and everything below it):
  `WhatsApp Images/.nomedia` would then hide every image including `Sent/` and `Private/`,
  while `WhatsApp Video/Sent/.nomedia` hides only the sent video (the duplicate
  `VID-20240101-WA0005.mp4`).

### Odd files

- `Media/WhatsApp Documents/DOC-20231201-WA0009.pdf` is a **ZIP archive** (`file --mime-type`:
  `application/zip`) with a `.pdf` name; extension-based detection says PDF, content-based
  detection says ZIP.
- `Media/WhatsApp Images/IMG-20240101-WA0007.png` is a real PNG in the images folder
  (WhatsApp normally re-encodes to `.jpg`).
- `Media/WhatsApp Animated Gifs/VID-20231111-WA0006.mp4` is a silent H.264 MP4 (no audio stream),
  which is how WhatsApp stores GIFs.
- `Media/WhatsApp Documents/Shopping list.txt` has a space in its name and no WhatsApp prefix.
- Voice-note folders are named `yyyyww` (year + week number), e.g. `202345`, as on the phone.
- Voice notes are encoded from 16 kHz mono (`OpusHead` input rate 16000); ffprobe reports
  48000 Hz because Opus always decodes at 48 kHz.

## Files

EOF
echo "| File | Size (bytes) | SHA-256 (first 12) | Content |"
echo "|------|-------------:|--------------------|---------|"
while IFS= read -r rel; do
    printf '| `%s` | %s | `%s` | %s |\n' "$rel" "$(stat -c %s "$OUT/$rel")" "$(sha "$rel" | cut -c1-12)" "$(describe "$rel")"
done < "$OUT/index.txt"
echo
echo "**Total: $(wc -l < "$OUT/index.txt") files, $total bytes ($(human "$total")).** Limit: 5 MiB."
echo
echo "Made with: $(ffmpeg -version | head -1 | cut -d' ' -f1-3), ImageMagick $("$IM" -version | head -1 | cut -d' ' -f3), $(cwebp -version | head -1 | sed 's/^/cwebp /'), Ghostscript $(gs --version), $(espeak-ng --version | cut -d' ' -f1-4 | sed 's/ text-to-speech://'), $(zip -v | sed -n 2p | cut -d' ' -f1-4 | sed 's/^This is //')."
} > "$OUT/README.md"

echo "Built $(wc -l < "$OUT/index.txt") files, $total bytes, in $OUT"
