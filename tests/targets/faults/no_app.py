"""A helper module: no Dash app, no callbacks."""


def format_price(value):
    return f"{value:.2f} EUR"
