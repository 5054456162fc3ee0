"""A connection that needs nothing."""


class Connection:
    def __init__(self, params, log=None, clock=None):
        self.params = params

    def test(self):
        return {"success": True}
