-- A new source goes at the end of the list: insertSource reads max(position). Without an
-- index that read visits every source row, and position sits after text in the row, so it
-- walks every stored transcript's overflow pages: importing 1,000 transcripts one after the
-- other was quadratic. With this index max(position) is one seek to the index's last entry.
CREATE INDEX sources_by_position ON sources (position);
