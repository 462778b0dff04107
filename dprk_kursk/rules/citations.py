"""Rules on citations: a citation is a further page carrying a figure's statement."""

from dprk_kursk.rules.context import as_date
from dprk_kursk.rules.registry import Finding, rule


def cited_figures(tables):
    """(citation, its figure) for each citation whose figure exists."""
    for row in tables.rows("citations"):
        figure = tables.figures.get(row.get("figure_id"))
        if figure is not None:
            yield row, figure


@rule("citations.own_page", "figures")
def own_page(tables):
    """A citation on the figure's own page (figures.source_id), not a further one."""
    for row, figure in cited_figures(tables):
        if row.get("source_id") == figure.get("source_id"):
            yield Finding(
                "citations",
                row,
                "source_id",
                "the figure's own page (figures.source_id), not a further one",
                row["source_id"],
            )


@rule("citations.before_statement", "figures", "sources")
def before_statement(tables):
    """A citation's page published before the statement it carries was made."""
    for row, figure in cited_figures(tables):
        page_day, said = tables.published.get(row.get("source_id")), as_date(figure.get("reported"))
        if page_day and said and page_day < said:
            yield Finding(
                "citations",
                row,
                "source_id",
                f"page published {page_day}, before the statement ({said})",
                row["source_id"],
            )
