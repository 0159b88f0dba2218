"""The one schema for every key this project reads under `extra:` in mkdocs.yml.

Each block of settings is a frozen dataclass whose fields name the check of their value.
`read(config.extra)`, called once per build by `hooks.py` and by the PDF command, walks every
key and returns the checked values; if any is malformed, one BuildInputError lists every bad
key (`mkdocs.yml: extra.<key> …`), each with its fix, so one edit mends them all. The values
are never written back into `config.extra`. Keys of Material's own (such as `extra.social`)
are left to Material.

Values are returned in their checked form, and whatever the build writes is written from
that form: an allowed origin, for one, is an `Origin`, never the text in mkdocs.yml.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from sitegen.errors import BuildInputError, BuildInputErrors

AA_NORMAL_TEXT = 4.5
WHITE = "#ffffff"


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two #rrggbb colours."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4 for value in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


class Problem(Exception):
    """What is wrong with one value. `fix`, when given, is more precise than its block's fix;
    `key` continues the setting's key, e.g. "[2] (entry 3)" for one entry of a list."""

    def __init__(self, problem: str, fix: str | None = None, key: str = "") -> None:
        super().__init__(problem)
        self.problem, self.fix, self.key = problem, fix, key


class Problems(Exception):
    """Several problems of one value, such as a list with more than one bad entry."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(problem.problem for problem in problems))
        self.problems = problems


# -----------------------------------------------------------------------------
# Values
# -----------------------------------------------------------------------------

def text(value: object) -> str:
    """Non-empty text, trimmed."""
    if not isinstance(value, str) or not value.strip():
        raise Problem(f"must be non-empty text, got {value!r}")
    return value.strip()


def readable_colour(value: object) -> str:
    """`#rrggbb` that white text can sit on, and that reads on white (WCAG AA, 4.5:1)."""
    if not isinstance(value, str) or not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        raise Problem(f'must be a colour like "#1f5f5b", got {value!r}')
    ratio = contrast(value, WHITE)
    if ratio < AA_NORMAL_TEXT:
        raise Problem(f"{value} has a contrast of {ratio:.1f}:1 with white; text needs {AA_NORMAL_TEXT}:1")
    return value


def version(value: object) -> str:
    """Text or a number, printed as text."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)) or not str(value).strip():
        raise Problem(f"must be text, got {value!r}")
    return str(value).strip()


def flag(value: object) -> bool:
    """true or false."""
    if not isinstance(value, bool):
        raise Problem(f"must be true or false, got {value!r}")
    return value


def places(value: object) -> tuple[str, ...]:
    """At least one place, each as text."""
    if not isinstance(value, list) or not value:
        raise Problem(f"must be a list of at least one place, e.g. '- in person in San Francisco', got {value!r}")
    return each(value, text)


def each(values: list[object], check: Callable[[object], Any]) -> tuple[Any, ...]:
    """Every entry checked; Problems naming each bad entry as `[index] (entry n)`."""
    checked, problems = [], []
    for index, value in enumerate(values):
        try:
            checked.append(check(value))
        except Problem as problem:
            problems.append(Problem(problem.problem, problem.fix, f"[{index}] (entry {index + 1}){problem.key}"))
    if problems:
        raise Problems(problems)
    return tuple(checked)


def _invisible(value: str) -> str | None:
    """The first space, line break or control character in `value`, if any."""
    # Such a character would end the header line or break the attribute the value lands in.
    return next((character for character in value
                 if character.isspace() or unicodedata.category(character) in ("Cc", "Cf", "Zl", "Zp")), None)


def https_address(value: object) -> str:
    """An https:// address with a host and nothing invisible in it."""
    parts = urlsplit(value) if isinstance(value, str) and _invisible(value) is None else None
    if parts is None or parts.scheme != "https" or not parts.hostname or "@" in parts.netloc:
        raise Problem(f"must be an https:// address, got {value!r}")
    return str(value)  # a str already (urlsplit ran on it); said for the type checker


LINK_FIX = ("write a full https:// address (e.g. https://calmagain.example/book/) or a path inside this site, "
            "from its root and without a leading slash (e.g. contact/)")


def link(value: object) -> str:
    """An https:// address, or a path inside this site written from its root (`contact/`),
    which templates turn into a link relative to each page so it works at any address."""
    if isinstance(value, str) and value.lower().startswith("https:"):
        try:
            return https_address(value)
        except Problem:
            pass
    elif isinstance(value, str) and _is_site_path(value):
        return value
    raise Problem(f"must be an https:// address or a path inside this site, got {value!r}", LINK_FIX)


def _is_site_path(value: str) -> bool:
    parts = urlsplit(value)
    segments = parts.path.split("/")
    # A leading slash would leave a site published under a sub-path; a backslash is a slash
    # to browsers; ".." could climb out of the site; a dot in the first part reads as a
    # domain name without its https:// ("www.clinic.example").
    return (bool(value) and _invisible(value) is None and not parts.scheme and not parts.netloc
            and not value.startswith("/") and "\\" not in value and ".." not in segments and "." not in segments[0])


# -----------------------------------------------------------------------------
# Origins
# -----------------------------------------------------------------------------

LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]"})
DEFAULT_PORTS = {"https": 443, "http": 80}
ORIGIN_EXAMPLE = "https://clinic.example"
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")
_MAX_HOST_LENGTH = 253  # DNS's limit on a whole name


@dataclass(frozen=True)
class Origin:
    """`scheme://[*.]host[:port]`, parsed; `str()` is its canonical form, the only one written."""

    scheme: str
    host: str  # lower case; an IPv6 address keeps its brackets
    port: int | None = None  # None: the scheme's default port
    wildcard: bool = False  # a leading `*.`: every subdomain of `host`, not `host` itself

    def __str__(self) -> str:
        star = "*." if self.wildcard else ""
        port = f":{self.port}" if self.port is not None else ""
        return f"{self.scheme}://{star}{self.host}{port}"

    def for_script(self) -> dict[str, str | bool]:
        """The fields embed-frame.js compares with a framing page's `URL`, read as CSP reads
        frame-ancestors: `protocol` with its colon, `port` "" for the scheme's default (as `URL`
        writes it), `subdomains` for a leading `*.` (any subdomain of `host`, not `host` itself)."""
        return {"protocol": f"{self.scheme}:", "host": self.host,
                "port": "" if self.port is None else str(self.port), "subdomains": self.wildcard}


def origin(value: object) -> Origin:
    """The origin `value` names, in canonical form: lower case, no default port, no slash.

    Refused, each with its own fix: anything but text; a space, line break or control
    character (it would end the `_headers` line the origin is written into); a scheme other
    than https (http is for loopback hosts only); a user name; a path, query or fragment; a
    port that is not a number from 1 to 65535; a host that is not a domain name or a loopback
    address; a `*` anywhere but a leading `*.` before at least two labels.
    """
    if not isinstance(value, str):
        raise Problem(f"{value!r} is not text", f"write the origin as text, e.g. {ORIGIN_EXAMPLE}")
    try:
        return _parse_origin(value)
    except Problem as problem:
        raise Problem(f"{value!r} {problem.problem}", problem.fix) from None


def allowed_origins(value: object) -> tuple[Origin, ...]:
    """A list of origins, every bad entry named."""
    if not isinstance(value, list):
        raise Problem(f"must be a list of origins such as {ORIGIN_EXAMPLE}, got {value!r}")
    return each(value, origin)


def _parse_origin(value: str) -> Origin:
    if (character := _invisible(value)) is not None:
        raise Problem(f"contains {character!r}, a space, line break or other invisible character",
                      f"write the origin alone on its line, e.g. {ORIGIN_EXAMPLE}")
    scheme, rest = _split_scheme(value)
    authority, after = _split_authority(rest)
    if after not in ("", "/"):
        raise Problem(f"has {after!r} after the host; an origin has no path, query or fragment",
                      f"keep only the scheme, host and port, e.g. {ORIGIN_EXAMPLE}")
    if "@" in authority:
        raise Problem("has a user name or password before '@'",
                      f"leave out everything up to and including '@': an origin is only scheme, host and port, "
                      f"e.g. {ORIGIN_EXAMPLE}")
    host_text, port = _split_port(authority, scheme)
    wildcard, host = _host(host_text)
    if scheme == "http" and host not in LOOPBACK_HOSTS:
        raise Problem("uses http://, which only this computer's own addresses may use",
                      f"write https:// (e.g. {ORIGIN_EXAMPLE}); http:// is for localhost, 127.0.0.1 and [::1] "
                      "while testing")
    return Origin(scheme, host, port, wildcard)


def _split_scheme(value: str) -> tuple[str, str]:
    match = _SCHEME.match(value)
    if not match:
        raise Problem("does not start with a scheme such as https://", f"write it as {ORIGIN_EXAMPLE}")
    scheme = match.group(1).lower()
    if scheme not in DEFAULT_PORTS:
        raise Problem(f"has the scheme {scheme!r}; pages that frame the guide use https",
                      f"write https://, e.g. {ORIGIN_EXAMPLE}")
    return scheme, value[match.end():]


def _split_authority(rest: str) -> tuple[str, str]:
    """The host and port, and what follows them (a browser ends the host at any of /?#\\)."""
    ends = [index for index in (rest.find(mark) for mark in "/?#\\") if index >= 0]
    end = min(ends, default=len(rest))
    return rest[:end], rest[end:]


def _split_port(authority: str, scheme: str) -> tuple[str, int | None]:
    """The host, and the port (None when left out or the scheme's default)."""
    # An IPv6 address holds colons of its own: its port comes after the closing bracket.
    colon = authority.find(":", authority.find("]") + 1 if authority.startswith("[") else 0)
    if colon < 0:
        return authority, None
    host, port_text = authority[:colon], authority[colon + 1:]
    if not (port_text.isascii() and port_text.isdigit() and 1 <= int(port_text) <= 65535):
        raise Problem(f"has the port {port_text!r}, which is not a number from 1 to 65535",
                      f"write the port as a number (e.g. {ORIGIN_EXAMPLE}:8443), or leave it out with its colon")
    port = int(port_text)
    return host, None if port == DEFAULT_PORTS[scheme] else port


def _host(text: str) -> tuple[bool, str]:
    """Whether the host starts with `*.`, and the host after it, lower-cased."""
    host = text.lower()
    if host in LOOPBACK_HOSTS:
        return False, host
    if host.startswith("[") or host.rsplit(".", 1)[-1].isdigit():
        raise Problem(f"names the host by the address {text!r}",
                      f"write the site's domain name, e.g. {ORIGIN_EXAMPLE}; only 127.0.0.1 and [::1] may be "
                      "written as addresses")
    wildcard = host.startswith("*.")
    name = host[2:] if wildcard else host
    if "*" in name:
        raise Problem("has a '*' that is not a leading '*.' before a domain",
                      "write '*.' only before the clinic's own domain, e.g. https://*.clinic.example, or list "
                      "each site")
    labels = name.split(".")
    if len(name) > _MAX_HOST_LENGTH or not all(_LABEL.fullmatch(label) for label in labels):
        raise Problem(f"has the host {text!r}, which is not a domain name (letters, digits and hyphens "
                      "between dots)",
                      f"write the site's domain name, e.g. {ORIGIN_EXAMPLE} (an international name in its "
                      "xn-- form)")
    if wildcard and len(labels) < 2:
        raise Problem(f"puts '*.' before {name!r} alone, which would let every site under it frame the guide",
                      "write '*.' only before the clinic's own domain, e.g. https://*.clinic.example")
    return wildcard, name


# -----------------------------------------------------------------------------
# Blocks: each field names its check (or its block) and, where it has one, its default
# -----------------------------------------------------------------------------

def setting(check: Callable[[object], Any], *, default: Any = dataclasses.MISSING, fix: str | None = None) -> Any:
    """A field checked by `check`; a missing (null) value takes `default` if there is one."""
    return dataclasses.field(default=default, metadata={"check": check, "fix": fix})


def block(kind: type, *, fix: str | None = None) -> Any:
    """A field that is a block of settings of its own."""
    return dataclasses.field(metadata={"block": kind, "fix": fix})


@dataclass(frozen=True, kw_only=True)
class Consultation:
    label: str = setting(text)
    url: str | None = setting(link, default=None)


@dataclass(frozen=True, kw_only=True)
class Contact:
    phone: str | None = setting(text, default=None)
    email: str | None = setting(text, default=None)
    website: str | None = setting(link, default=None)


@dataclass(frozen=True, kw_only=True)
class Clinic:
    """Clinic details; a null value means the client has not given one (no link is shown)."""

    name: str = setting(text)
    locations: tuple[str, ...] = setting(places)
    consultation: Consultation = block(Consultation)
    contact: Contact = block(Contact)


@dataclass(frozen=True, kw_only=True)
class Brand:
    primary: str = setting(readable_colour)
    accent: str = setting(readable_colour)


@dataclass(frozen=True, kw_only=True)
class QuickExit:
    url: str = setting(https_address)
    label: str = setting(text)


@dataclass(frozen=True, kw_only=True)
class Embed:
    allowed_origins: tuple[Origin, ...] = setting(allowed_origins, default=())


@dataclass(frozen=True, kw_only=True)
class Pdf:
    version: str | None = setting(version, default=None)


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Everything under `extra:` that this project reads."""

    # Material's "Made with Material" footer link
    generator: bool = setting(flag, default=True, fix="write `generator: false` (or true)")
    clinic: Clinic = block(Clinic, fix="edit the `extra: clinic:` block in mkdocs.yml (see handbook/editing.md, "
                                       "'Clinic details')")
    brand: Brand = block(Brand, fix='set e.g. primary: "#1f5f5b" and accent: "#8a4b1c" under `extra: brand:`; '
                                    "each must be dark enough for white text (4.5:1)")
    quick_exit: QuickExit = block(QuickExit, fix="set url to a neutral https:// page (e.g. https://www.weather.gov/) "
                                                 "and label to what the button says, under `extra: quick_exit:`")
    embed: Embed = block(Embed, fix="list origins such as https://clinic.example under `extra: embed: "
                                    "allowed_origins:`, or leave the list empty to let any site frame the pages")
    pdf: Pdf = block(Pdf, fix='write e.g. `extra: pdf: version: "1.0"`, or remove extra.pdf')
    # A service worker keeps what a reader opened, for offline use.
    offline: bool = setting(flag, default=True, fix="write `offline: true` (keep pages and quizzes for offline "
                                                    "reading) or `offline: false`")


# -----------------------------------------------------------------------------
# Reading
# -----------------------------------------------------------------------------

def read(extra: Mapping[str, Any]) -> Settings:
    """The checked `extra:` settings; otherwise one BuildInputError naming every bad key
    (`mkdocs.yml: extra.<key> …`), each with its fix."""
    problems: list[BuildInputError] = []
    settings: Settings = _read_block(Settings, extra, "extra", "", problems, others_allowed=True)
    if problems:
        raise BuildInputErrors(problems)
    return settings


def _read_block(kind: type, value: object, key: str, fix: str, problems: list[BuildInputError], *,
                others_allowed: bool = False) -> Any:
    """A block's settings, every problem noted in `problems` (a bad value is read as None)."""
    names = [field.name for field in dataclasses.fields(kind)]
    if value is None:
        value = {}  # a block left out: each of its keys says what it needs
    if not isinstance(value, Mapping):
        problems.append(_error(key, f"must be a block of keys ({', '.join(names)}), got {value!r}", fix))
        value = {}
    if not others_allowed:  # an unknown key is most likely a typo
        problems += [_error(key, f"has an unknown key {name!r}", fix) for name in value if name not in names]
    found = {}
    for field in dataclasses.fields(kind):
        field_key, field_fix = f"{key}.{field.name}", field.metadata["fix"] or fix
        if "block" in field.metadata:
            found[field.name] = _read_block(field.metadata["block"], value.get(field.name), field_key, field_fix,
                                            problems)
        else:
            found[field.name] = _read_value(field, value.get(field.name), field_key, field_fix, problems)
    return kind(**found)


def _read_value(field: dataclasses.Field[Any], value: object, key: str, fix: str,
                problems: list[BuildInputError]) -> Any:
    if value is None and field.default is not dataclasses.MISSING:
        return field.default
    try:
        return field.metadata["check"](value)
    except Problem as problem:
        problems.append(_error(key, problem.problem, problem.fix or fix, problem.key))
    except Problems as several:
        problems += [_error(key, problem.problem, problem.fix or fix, problem.key) for problem in several.problems]
    return None


def _error(key: str, problem: str, fix: str, more_key: str = "") -> BuildInputError:
    # A list entry's key reads "extra.x[2] (entry 3): …"; a key's own problem continues it.
    separator = ": " if more_key else " "
    return BuildInputError("mkdocs.yml", f"{key}{more_key}{separator}{problem}", fix)
