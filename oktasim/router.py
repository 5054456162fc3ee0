"""A small segment router: (method, path template) -> handler.

Why: no web framework; matching splits the path into segments and compares
literal segments before ``{param}`` ones, so ``/users/me`` beats ``/users/{id}``.
Unknown paths are Okta's 404 E0000008, known paths with the wrong method 405
E0000022.
"""

from .errors import OktaError


class Route:
    __slots__ = ("method", "template", "segments", "handler", "name")

    def __init__(self, method, template, handler):
        self.method = method
        self.template = template
        self.segments = [s for s in template.strip("/").split("/")]
        self.handler = handler
        self.name = getattr(handler, "__name__", template)


class Router:
    def __init__(self):
        self._by_len: dict[int, list[Route]] = {}

    def add(self, method: str, template: str, handler) -> None:
        route = Route(method.upper(), template, handler)
        bucket = self._by_len.setdefault(len(route.segments), [])
        bucket.append(route)
        bucket.sort(key=lambda r: tuple(1 if s.startswith("{") else 0 for s in r.segments))

    def route(self, method: str, template: str):
        def deco(fn):
            self.add(method, template, fn)
            return fn

        return deco

    def match(self, method: str, path: str):
        """Return (route, params) or raise OktaError 404/405."""
        segs = path.strip("/").split("/")
        candidates = self._by_len.get(len(segs), ())
        path_matched = False
        for route in candidates:
            params = {}
            for lit, seg in zip(route.segments, segs):
                if lit[0] == "{":
                    if not seg:
                        break
                    params[lit[1:-1]] = seg
                elif lit != seg:
                    break
            else:
                if route.method == method or (method == "HEAD" and route.method == "GET"):
                    return route, params
                path_matched = True
        if path_matched:
            raise OktaError("E0000022")
        raise OktaError("E0000008")

    def routes(self):
        for bucket in self._by_len.values():
            yield from bucket
