"""The queue engine: issuing and calling tickets, what follows a call, the front-desk read model."""
