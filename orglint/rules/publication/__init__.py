"""Publication rules, codes P101-P103 (P for publication: T is the organogram tables' family): what
the Local Government Transparency Code 2015 and the Accounts and Audit Regulations 2015 ask an
English council to publish about its senior structure. Shared by the rules: ``_published`` (which
posts the Code's organisation chart covers, and what a £5,000 bracket is)."""
