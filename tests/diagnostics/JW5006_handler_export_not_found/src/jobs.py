def run(event, context):
    return None


async def later(event, context):
    return None


class Jobs:
    def method(self, event, context):
        return None
