import EnbekshiCore
import Foundation

/// The OpenAPI 3.1 description of `/api/v1`, served at `/api/v1/openapi.json`. Tests check every
/// kind of answer against it, so keep it in step with `API`.
enum OpenAPIDocument {
    /// The document with the section and region codes the API accepts filled in.
    static let json: String = template
        .replacingOccurrences(of: "@SECTIONS@", with: codes(Section.allCases.map(\.slug)))
        .replacingOccurrences(of: "@REGIONS@", with: codes(Region.allCodes))

    static func codes(_ values: [String]) -> String {
        "[" + values.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
    }

    static let template = #"""
{
 "openapi": "3.1.0",
 "info": {
  "title": "Enbekshi QazaQ API",
  "version": "1.0.0",
  "description": "Press releases of Kazakhstan's state bodies from gov.kz, cleaned, classified and in three languages (machine translations are labelled in `machine_translation`)."
 },
 "servers": [
  {
   "url": "/api/v1"
  }
 ],
 "paths": {
  "/articles": {
   "get": {
    "operationId": "listArticles",
    "summary": "Articles, newest first, one page at a time",
    "parameters": [
     {
      "name": "lang",
      "in": "query",
      "required": false,
      "description": "Only articles with a version in this language; also the language of title and lead.",
      "schema": {
       "type": "string",
       "enum": [
        "kk",
        "ru",
        "en"
       ]
      }
     },
     {
      "name": "section",
      "in": "query",
      "required": false,
      "description": "A section code from /sections.",
      "schema": {
       "type": "string",
       "enum": @SECTIONS@
      }
     },
     {
      "name": "region",
      "in": "query",
      "required": false,
      "description": "A region code from /regions.",
      "schema": {
       "type": "string",
       "enum": @REGIONS@
      }
     },
     {
      "name": "source",
      "in": "query",
      "required": false,
      "description": "A source slug from /sources.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "from",
      "in": "query",
      "required": false,
      "description": "First day, YYYY-MM-DD (Kazakhstan time), from 1990-01-01 to 2100-12-31.",
      "schema": {
       "type": "string",
       "format": "date",
       "pattern": "^(199[0-9]|20[0-9][0-9]|2100)-[0-9]{2}-[0-9]{2}$"
      }
     },
     {
      "name": "to",
      "in": "query",
      "required": false,
      "description": "Last day, YYYY-MM-DD, from 1990-01-01 to 2100-12-31.",
      "schema": {
       "type": "string",
       "format": "date",
       "pattern": "^(199[0-9]|20[0-9][0-9]|2100)-[0-9]{2}-[0-9]{2}$"
      }
     },
     {
      "name": "q",
      "in": "query",
      "required": false,
      "description": "Full-text query: words, \"phrases\", prefix*, AND/OR/NOT.",
      "schema": {
       "type": "string",
       "maxLength": 300
      }
     },
     {
      "name": "cursor",
      "in": "query",
      "required": false,
      "description": "next_cursor of the previous page.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "description": "Items per page.",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 100,
       "default": 20
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ArticleList"
        }
       }
      }
     },
     "400": {
      "description": "A parameter is wrong; the message says which and what is expected.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
     },
     "404": {
      "description": "Not found.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
     },
     "503": {
      "description": "Too many searches (q) at once, or the database is not answering; try again after Retry-After seconds.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
     }
    }
   }
  },
  "/articles/{id}": {
   "get": {
    "operationId": "getArticle",
    "summary": "One article with all its language versions and their provenance",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ArticleDetail"
        }
       }
      }
     },
     "400": {
      "description": "A parameter is wrong; the message says which and what is expected.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
     },
     "404": {
      "description": "Not found.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
     },
     "410": {
      "description": "The newsroom withdrew this article; the message gives its reason.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
     },
     "503": {
      "$ref": "#/components/responses/Unavailable"
     }
    }
   }
  },
  "/stories/{id}": {
   "get": {
    "operationId": "getStory",
    "summary": "The copies of one story (the id is its first article's)",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Story"
        }
       }
      }
     },
     "400": {
      "description": "A parameter is wrong; the message says which and what is expected.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
     },
     "404": {
      "description": "Not found.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
     },
     "503": {
      "$ref": "#/components/responses/Unavailable"
     }
    }
   }
  },
  "/sources": {
   "get": {
    "operationId": "listSources",
    "summary": "Every gov.kz body in the catalog",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/SourceList"
        }
       }
      }
     },
     "503": {
      "$ref": "#/components/responses/Unavailable"
     }
    }
   }
  },
  "/sources/{slug}": {
   "get": {
    "operationId": "getSource",
    "summary": "One body",
    "parameters": [
     {
      "name": "slug",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Source"
        }
       }
      }
     },
     "400": {
      "description": "A parameter is wrong; the message says which and what is expected.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
     },
     "404": {
      "description": "Not found.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
     },
     "503": {
      "$ref": "#/components/responses/Unavailable"
     }
    }
   }
  },
  "/sections": {
   "get": {
    "operationId": "listSections",
    "summary": "Sections with names in kk, ru, en",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/NamedList"
        }
       }
      }
     },
     "503": {
      "$ref": "#/components/responses/Unavailable"
     }
    }
   }
  },
  "/most-read": {
   "get": {
    "operationId": "mostRead",
    "summary": "The articles whose pages were read most today or in the last seven days (Kazakhstan time), most read first",
    "parameters": [
     {
      "name": "period",
      "in": "query",
      "required": false,
      "description": "today, or week (the default): the last seven days.",
      "schema": {
       "type": "string",
       "enum": [
        "today",
        "week"
       ]
      }
     },
     {
      "name": "section",
      "in": "query",
      "required": false,
      "description": "A section code from /sections.",
      "schema": {
       "type": "string",
       "enum": @SECTIONS@
      }
     },
     {
      "name": "lang",
      "in": "query",
      "required": false,
      "description": "The language of each title and address (the default: en); an article without it is given in its original.",
      "schema": {
       "type": "string",
       "enum": [
        "kk",
        "ru",
        "en"
       ]
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/MostReadList"
        }
       }
      }
     },
     "400": {
      "description": "A parameter is wrong; the message says which and what is expected.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
        }
       }
      }
     },
     "503": {
      "$ref": "#/components/responses/Unavailable"
     }
    }
   }
  },
  "/regions": {
   "get": {
    "operationId": "listRegions",
    "summary": "Regions, cities, Republic and Abroad, with names",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/NamedList"
        }
       }
      }
     },
     "503": {
      "$ref": "#/components/responses/Unavailable"
     }
    }
   }
  }
 },
 "components": {
  "responses": {
   "Unavailable": {
    "description": "The database is not answering; try again after Retry-After seconds.",
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Problem"
      }
     }
    }
   }
  },
  "schemas": {
   "ArticleSummary": {
    "type": "object",
    "additionalProperties": false,
    "required": [
     "id",
     "project",
     "govkz_id",
     "languages",
     "original_languages",
     "title",
     "lead",
     "url"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "project": {
      "type": "string"
     },
     "govkz_id": {
      "type": "string"
     },
     "published": {
      "type": [
       "string",
       "null"
      ],
      "description": "RFC 3339, Kazakhstan time"
     },
     "languages": {
      "type": "array",
      "items": {
       "type": "string",
       "enum": [
        "kk",
        "ru",
        "en"
       ]
      }
     },
     "original_languages": {
      "type": "array",
      "items": {
       "type": "string",
       "enum": [
        "kk",
        "ru",
        "en"
       ]
      }
     },
     "title": {
      "type": "string"
     },
     "lead": {
      "type": "string"
     },
     "url": {
      "type": "string"
     },
     "section": {
      "type": [
       "string",
       "null"
      ]
     },
     "region": {
      "type": [
       "string",
       "null"
      ]
     },
     "story_id": {
      "type": [
       "integer",
       "null"
      ]
     },
     "picture": {
      "$ref": "#/components/schemas/Picture"
     }
    }
   },
   "Picture": {
    "type": "object",
    "additionalProperties": false,
    "description": "A picture as this site serves it, in stored sizes. source_url is gov.kz's address it was fetched from (as found in body_html); show url or sizes, never source_url.",
    "required": [
     "source_url",
     "width",
     "height",
     "url",
     "sizes"
    ],
    "properties": {
     "source_url": {
      "type": "string"
     },
     "width": {
      "type": "integer",
      "minimum": 1
     },
     "height": {
      "type": "integer",
      "minimum": 1
     },
     "url": {
      "type": "string",
      "description": "The largest JPEG."
     },
     "sizes": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/PictureSize"
      }
     }
    }
   },
   "PictureSize": {
    "type": "object",
    "additionalProperties": false,
    "required": [
     "width",
     "jpeg",
     "webp"
    ],
    "properties": {
     "width": {
      "type": "integer",
      "minimum": 1
     },
     "jpeg": {
      "type": "string"
     },
     "webp": {
      "type": "string"
     }
    }
   },
   "ArticleList": {
    "type": "object",
    "additionalProperties": false,
    "required": [
     "items"
    ],
    "properties": {
     "items": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/ArticleSummary"
      }
     },
     "next_cursor": {
      "type": [
       "string",
       "null"
      ],
      "description": "Pass as cursor for the next page; absent on the last page."
     }
    }
   },
   "MachineTranslation": {
    "type": "object",
    "additionalProperties": false,
    "required": [
     "engine",
     "translated_at",
     "source_language"
    ],
    "properties": {
     "engine": {
      "type": "string"
     },
     "model": {
      "type": [
       "string",
       "null"
      ]
     },
     "translated_at": {
      "type": "string"
     },
     "source_language": {
      "type": "string",
      "enum": [
       "kk",
       "ru",
       "en"
      ]
     }
    }
   },
   "Version": {
    "type": "object",
    "additionalProperties": false,
    "required": [
     "language",
     "title",
     "body_html",
     "source_url",
     "fetched_at",
     "content_hash",
     "flags",
     "edited_by_newsroom"
    ],
    "properties": {
     "language": {
      "type": "string",
      "enum": [
       "kk",
       "ru",
       "en"
      ]
     },
     "title": {
      "type": "string"
     },
     "body_html": {
      "type": "string",
      "description": "Sanitised HTML"
     },
     "source_url": {
      "type": "string",
      "description": "The original on gov.kz; for the newsroom's own articles (project newsroom), the outside source the editors named, or empty"
     },
     "published": {
      "type": [
       "string",
       "null"
      ]
     },
     "fetched_at": {
      "type": "string"
     },
     "content_hash": {
      "type": "string"
     },
     "flags": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "machine_translation": {
      "oneOf": [
       {
        "$ref": "#/components/schemas/MachineTranslation"
       },
       {
        "type": "null"
       }
      ]
     },
     "edited_by_newsroom": {
      "type": "boolean",
      "description": "The newsroom corrected this edition's headline or text (for a machine translation: translated by machine, edited by the newsroom)"
     }
    }
   },
   "Topics": {
    "type": "object",
    "additionalProperties": false,
    "required": [
     "section",
     "secondary",
     "section_score",
     "section_reason",
     "region",
     "region_reason"
    ],
    "properties": {
     "section": {
      "type": "string"
     },
     "secondary": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "section_score": {
      "type": "number"
     },
     "section_reason": {
      "type": "string"
     },
     "region": {
      "type": "string"
     },
     "place": {
      "type": [
       "string",
       "null"
      ]
     },
     "region_reason": {
      "type": "string"
     }
    }
   },
   "ArticleDetail": {
    "type": "object",
    "additionalProperties": false,
    "required": [
     "id",
     "project",
     "govkz_id",
     "url",
     "related",
     "body_pictures",
     "versions",
     "views"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "picture": {
      "$ref": "#/components/schemas/Picture"
     },
     "body_pictures": {
      "type": "array",
      "description": "The pictures inside the versions' texts that are stored; body_html keeps gov.kz's addresses, matched by source_url.",
      "items": {
       "$ref": "#/components/schemas/Picture"
      }
     },
     "views": {
      "type": "integer",
      "minimum": 0,
      "description": "Views of its pages, over all days."
     },
     "project": {
      "type": "string"
     },
     "govkz_id": {
      "type": "string"
     },
     "published": {
      "type": [
       "string",
       "null"
      ]
     },
     "url": {
      "type": "string"
     },
     "topics": {
      "oneOf": [
       {
        "$ref": "#/components/schemas/Topics"
       },
       {
        "type": "null"
       }
      ]
     },
     "story_id": {
      "type": [
       "integer",
       "null"
      ]
     },
     "related": {
      "type": "array",
      "items": {
       "type": "integer"
      }
     },
     "versions": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Version"
      }
     }
    }
   },
   "MostReadList": {
    "type": "object",
    "additionalProperties": false,
    "required": [
     "items"
    ],
    "properties": {
     "items": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/MostReadItem"
      }
     }
    }
   },
   "MostReadItem": {
    "type": "object",
    "additionalProperties": false,
    "required": [
     "id",
     "views",
     "language",
     "title",
     "url"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "views": {
      "type": "integer",
      "minimum": 1,
      "description": "Views of its pages over the period."
     },
     "language": {
      "type": "string",
      "description": "The language the title is in."
     },
     "title": {
      "type": "string"
     },
     "url": {
      "type": "string"
     }
    }
   },
   "StoryMember": {
    "type": "object",
    "additionalProperties": false,
    "required": [
     "id",
     "project",
     "govkz_id"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "project": {
      "type": "string"
     },
     "govkz_id": {
      "type": "string"
     }
    }
   },
   "Story": {
    "type": "object",
    "additionalProperties": false,
    "required": [
     "id",
     "members"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "members": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/StoryMember"
      }
     }
    }
   },
   "Source": {
    "type": "object",
    "additionalProperties": false,
    "required": [
     "slug",
     "kind",
     "names",
     "enabled"
    ],
    "properties": {
     "slug": {
      "type": "string"
     },
     "kind": {
      "type": "string",
      "enum": [
       "ministry",
       "agency",
       "akimat",
       "maslikhat",
       "tax-department",
       "embassy",
       "department",
       "other",
       "newsroom"
      ]
     },
     "region": {
      "type": [
       "string",
       "null"
      ]
     },
     "parent": {
      "type": [
       "string",
       "null"
      ]
     },
     "names": {
      "type": "object",
      "description": "Names by language code (kk, ru, en).",
      "additionalProperties": {
       "type": "string"
      }
     },
     "enabled": {
      "type": "boolean"
     }
    }
   },
   "SourceList": {
    "type": "object",
    "additionalProperties": false,
    "required": [
     "items"
    ],
    "properties": {
     "items": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Source"
      }
     }
    }
   },
   "Named": {
    "type": "object",
    "additionalProperties": false,
    "required": [
     "code",
     "names"
    ],
    "properties": {
     "code": {
      "type": "string"
     },
     "names": {
      "type": "object",
      "description": "Names by language code (kk, ru, en).",
      "additionalProperties": {
       "type": "string"
      }
     }
    }
   },
   "NamedList": {
    "type": "object",
    "additionalProperties": false,
    "required": [
     "items"
    ],
    "properties": {
     "items": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Named"
      }
     }
    }
   },
   "Problem": {
    "type": "object",
    "additionalProperties": false,
    "required": [
     "error",
     "message"
    ],
    "properties": {
     "error": {
      "type": "string"
     },
     "message": {
      "type": "string"
     }
    }
   }
  }
 }
}
"""#
}
